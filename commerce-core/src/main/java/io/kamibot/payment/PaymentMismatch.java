package io.kamibot.payment;

import io.kamibot.money.Money;

/**
 * Event: money arrived that does not match its order. Admins must look; nothing was delivered.
 *
 * @param expected what the order costs in the payment's currency, or {@code null} when it cannot be paid in it
 */
public record PaymentMismatch(String provider, String transactionId, String orderNo, Money expected,
		Money received) {
}
