/**
 * Orders and their lifecycle. {@code OrderLifecycle} is the one table of which event moves which status; the status
 * persisted on the order is the truth and each change is a conditional update on the status the move started from.
 */
package io.kamibot.ordering;
