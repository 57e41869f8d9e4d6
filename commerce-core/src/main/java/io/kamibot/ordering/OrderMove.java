package io.kamibot.ordering;

import java.time.Instant;

/**
 * One change of an order's status, kept on the order in the same update that made it, so the history is exactly the
 * moves that happened: {@code PAY} from {@code RESERVED} to {@code PAID} at 12:03:11.
 *
 * @param event what happened, as {@code PAY}, {@code DELIVER}, {@code REFUND} …
 */
public record OrderMove(String event, OrderStatus from, OrderStatus to, Instant at) {
}
