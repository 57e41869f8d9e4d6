/**
 * Events between modules that survive a failing listener and a crash: Spring Modulith's event publication registry
 * records, in MongoDB, one publication per event and {@code @ApplicationModuleListener} before any listener runs, and
 * removes it when that listener returned; a publication left behind is handed to its listener again later. Without
 * multi-document transactions, a "transaction" here is only a unit of work: listeners get an event once the unit that
 * published it ended, the publishing call itself or the listener that published it.
 */
package io.kamibot.events;
