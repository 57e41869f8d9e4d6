package io.kamibot.payment;

import io.kamibot.money.Money;

/**
 * One payment to return in full, as a provider is asked to.
 *
 * @param refundNo this refund's own number, the same every time this payment's refund is asked for, so a provider
 *     that keys refunds by it never pays back twice ({@code [A-Za-z0-9-]}, at most 48 characters)
 * @param customerId the order's buyer, or {@code null} when the order is unknown
 * @param transactionId the provider's id of the payment
 * @param amount what the payment brought, which may differ from what the order costs
 */
public record RefundRequest(String refundNo, String orderNo, String customerId, String transactionId, Money amount) {
}
