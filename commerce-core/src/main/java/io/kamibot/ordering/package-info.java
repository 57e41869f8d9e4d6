/**
 * Orders and their lifecycle. The lifecycle is a Spring Statemachine definition; the status persisted on the
 * order is the truth and each change is a conditional update on the status the machine moved from.
 */
package io.kamibot.ordering;
