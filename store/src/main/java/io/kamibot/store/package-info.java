/**
 * The embedded default's database: mongo-java-server on an H2 MVStore file, made fit for a shop. A write is on disk
 * before any client is answered (commits grouped under concurrency), and non-unique indexes are real, persisted
 * B-trees that answer equality, range, sort and count, so no hot path costs more as history grows.
 */
package io.kamibot.store;
