package io.kamibot.payment;

import io.kamibot.money.Money;

/**
 * Event: money arrived that its order could not take, and the provider did not return it: an admin must refund
 * it ({@link Payments#refundPayment}). Published once per payment.
 *
 * @param ref the payment's short name, what {@link Payments#refundPayment} takes
 * @param customerId the order's buyer, or {@code null} when there is no such order
 */
public record UnmatchedPaymentHeld(String ref, String provider, String orderNo, String customerId, Money amount,
		UnmatchedReason reason) {
}
