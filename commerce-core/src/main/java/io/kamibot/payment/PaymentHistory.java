package io.kamibot.payment;

import java.time.Instant;
import java.util.List;

import io.kamibot.money.Currency;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The payments that arrived for an order and the refunds asked for them, oldest first, for the console. */
@Service
public class PaymentHistory {

	private final MongoTemplate mongo;

	PaymentHistory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Every payment recorded for the order, also those it could not take (a mismatch, a late one). */
	public List<PaymentLine> payments(String orderNo) {
		return mongo
			.find(Query.query(where("orderNo").is(orderNo)).with(Sort.by("receivedAt")), Payment.class)
			.stream()
			.map(p -> new PaymentLine(p.ref(), p.provider(), p.transactionId(), p.amount(), p.currency(),
					p.outcome(), p.reason(), p.receivedAt()))
			.toList();
	}

	/** The refunds of the order's payments; those made before refunds were per payment are keyed by the order. */
	public List<RefundLine> refunds(String orderNo) {
		Criteria ofOrder = new Criteria().orOperator(where("orderNo").is(orderNo), where("_id").is(orderNo));
		return mongo.find(Query.query(ofOrder).with(Sort.by("requestedAt")), Refund.class)
			.stream()
			.map(r -> new RefundLine(r.provider(), r.transactionId(), r.requestedBy(), r.status().name(),
					r.requestedAt(), r.doneAt()))
			.toList();
	}

	/**
	 * @param amount in the currency's minor unit (fen, or Stars)
	 * @param reason why it could not pay the order, when it could not
	 */
	public record PaymentLine(String ref, String provider, String transactionId, long amount, Currency currency,
			PaymentOutcome outcome, UnmatchedReason reason, Instant receivedAt) {
	}

	/** @param status {@code REQUESTED}, {@code DONE} or {@code FAILED} */
	public record RefundLine(String provider, String transactionId, String requestedBy, String status,
			Instant requestedAt, Instant doneAt) {
	}
}
