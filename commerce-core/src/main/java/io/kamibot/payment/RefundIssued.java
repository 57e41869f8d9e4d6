package io.kamibot.payment;

/**
 * Event: the money of an order went back through its provider.
 *
 * @param requestedBy who asked for it: an admin ({@code telegram:123}), {@code admin-api}, a review decision
 */
public record RefundIssued(String orderNo, String provider, String requestedBy) {
}
