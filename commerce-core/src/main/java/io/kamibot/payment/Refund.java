package io.kamibot.payment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of a refund: one per order (its id), so a second request is a no-op.
 *
 * @param status {@code REQUESTED}, {@code DONE} or {@code FAILED} (a failed one may be requested again)
 */
@Document("refunds")
record Refund(@Id String orderNo, String provider, String transactionId, String requestedBy, String status,
		Instant requestedAt, Instant doneAt) {
}
