package io.kamibot.payment;

import io.kamibot.money.Money;

/**
 * Event: money that its order could not take went back to the payer; the order itself is unchanged. Published once
 * per payment.
 *
 * @param ref the payment's short name
 * @param customerId the order's buyer, or {@code null} when there is no such order
 * @param requestedBy {@code system} when it was returned at once, else the admin who asked
 */
public record UnmatchedPaymentReturned(String ref, String provider, String orderNo, String customerId, Money amount,
		UnmatchedReason reason, String requestedBy) {
}
