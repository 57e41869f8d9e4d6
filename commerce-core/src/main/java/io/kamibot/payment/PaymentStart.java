package io.kamibot.payment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a buyer started paying an order with a provider, so that {@link Payments#reconcile} can ask the provider
 * about it when no confirmation arrives. One per order and provider (the id, {@code orderNo:provider}).
 *
 * @param checkedAt when the provider was last asked, {@code null} before the first time
 * @param settledAt when there was no more need to ask: the order was paid or can no longer be
 */
@Document("payment_starts")
record PaymentStart(@Id String id, String orderNo, String provider, Instant startedAt, Instant checkedAt,
		Instant settledAt) {

	static String idOf(String orderNo, String provider) {
		return orderNo + ":" + provider;
	}
}
