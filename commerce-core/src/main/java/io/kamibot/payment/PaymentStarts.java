package io.kamibot.payment;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The record of started payments that may still need a question to their provider. */
@Component
class PaymentStarts {

	private final MongoTemplate mongo;

	PaymentStarts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Records the first start of the order with the provider; starting again keeps the first time. */
	void record(String orderNo, String provider, Instant now) {
		String id = PaymentStart.idOf(orderNo, provider);
		mongo.upsert(Query.query(where("_id").is(id)),
				new Update().setOnInsert("orderNo", orderNo).setOnInsert("provider", provider)
					.setOnInsert("startedAt", now),
				PaymentStart.class);
	}

	/** Unsettled starts from before {@code startedBefore}, those asked about longest ago first. */
	List<PaymentStart> due(Instant startedBefore, int limit) {
		return mongo.find(Query.query(where("settledAt").is(null).and("startedAt").lte(startedBefore))
			.with(Sort.by(Direction.ASC, "checkedAt", "startedAt"))
			.limit(limit), PaymentStart.class);
	}

	void checked(PaymentStart start, Instant now) {
		mongo.updateFirst(Query.query(where("_id").is(start.id())), Update.update("checkedAt", now),
				PaymentStart.class);
	}

	void settle(PaymentStart start, Instant now) {
		mongo.updateFirst(Query.query(where("_id").is(start.id()).and("settledAt").is(null)),
				Update.update("settledAt", now).set("checkedAt", now), PaymentStart.class);
	}
}
