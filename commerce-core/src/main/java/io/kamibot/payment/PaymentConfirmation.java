package io.kamibot.payment;

import java.util.Objects;

import io.kamibot.money.Money;

/**
 * A provider's word that money arrived: which transaction, for which order, how much.
 *
 * @param transactionId the provider's id of the payment; the idempotency key together with the provider
 */
public record PaymentConfirmation(String provider, String transactionId, String orderNo, Money amount) {

	public PaymentConfirmation {
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(orderNo, "orderNo");
		Objects.requireNonNull(amount, "amount");
		if (transactionId == null || transactionId.isBlank() || transactionId.length() > 128) {
			throw new IllegalArgumentException("A transaction id has 1-128 characters");
		}
	}
}
