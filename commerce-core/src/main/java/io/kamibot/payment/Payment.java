package io.kamibot.payment;

import java.time.Instant;

import io.kamibot.money.Currency;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of one payment. The id is {@code provider:transactionId}, so the same transaction is recorded once.
 */
@Document("payments")
record Payment(@Id String id, String provider, String transactionId, String orderNo, long amount,
		Currency currency, PaymentOutcome outcome, Instant receivedAt) {
}
