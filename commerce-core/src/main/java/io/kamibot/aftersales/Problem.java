package io.kamibot.aftersales;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A buyer's report about an order's codes; the id is the order number, one open report per order.
 *
 * @param codesVoided whether a replacement has voided the order's old codes; new ones are taken only after
 */
@Document("problems")
record Problem(@Id String orderNo, String customerId, String reason, Status status, Instant reportedAt,
		String resolvedBy, Boolean codesVoided) {

	/** Where a report is. */
	enum Status {

		/** Waiting for an admin. */
		OPEN,

		/** Old codes voided, new ones being taken (stock may have run short: replace again after an import). */
		REPLACING,

		/** New codes delivered. */
		REPLACED,

		/** Being refunded. */
		REFUNDING,

		/** The money went back. */
		REFUNDED
	}
}
