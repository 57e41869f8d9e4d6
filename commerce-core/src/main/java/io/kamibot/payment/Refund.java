package io.kamibot.payment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of a refund: one per payment (the id is the payment's), so a second request for the same money is a
 * no-op, while another payment of the same order is refunded on its own. Records made before refunds were per
 * payment are keyed by the order number and lack {@code orderNo}; everything here reads them through
 * {@code provider} and {@code transactionId}.
 *
 * @param requestedAt when the provider was last asked for it: a refund stuck in REQUESTED is taken over by moving
 *     this on, conditionally on the value read
 */
@Document("refunds")
record Refund(@Id String id, String orderNo, String provider, String transactionId, String requestedBy,
		Status status, Instant requestedAt, Instant doneAt) {

	String paymentId() {
		return provider + ":" + transactionId;
	}

	/** Where a refund is. */
	enum Status {

		/** The provider is being asked; if the asking process died, a sweep asks the provider what became of it. */
		REQUESTED,

		/** The money went back. */
		DONE,

		/** The provider refused or could not be reached; it may be requested again. */
		FAILED
	}
}
