package io.kamibot.benefits;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The issue of one period of a plan to one recipient: its id is that key, so there is one per key whatever fires,
 * retries or instances ask for it. The order numbers (one per plan item) are chosen when it is recorded, so whoever
 * finishes it places the same orders.
 *
 * @param customerId who gets it; {@code null} while the recipient is an unclaimed code
 * @param waitingStock whether some of its orders waited for stock when last looked at
 */
@Document("benefit_issues")
public record Issue(@Id String id, String planId, String period, String recipientId, String customerId,
		List<String> orderNos, IssueState state, boolean waitingStock, Instant createdAt, Instant issuedAt) {

	static String idOf(String planId, String period, String recipientId) {
		return planId + ":" + period + ":" + recipientId;
	}

	/** The payment every order of the issue carries, and the wallet reference of a payer's debit. */
	String payment() {
		return io.kamibot.ordering.Order.PLAN_PAYMENT + id;
	}
}
