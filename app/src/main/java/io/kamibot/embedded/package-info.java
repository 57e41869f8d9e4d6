/**
 * The embedded default: with no database configured, an in-process MongoDB wire-protocol server persisting under
 * the data directory, an embedded Redis, generated secrets kept in the data directory, the sandbox payment (while
 * nothing real is configured) and a demo catalog. With {@code KAMIBOT_MONGODB_URI} set, none of it starts.
 */
package io.kamibot.embedded;
