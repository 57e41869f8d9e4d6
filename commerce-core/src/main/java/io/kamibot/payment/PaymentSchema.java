package io.kamibot.payment;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes of payments, payment starts and refunds, ensured when the application starts, before anything reads
 * or writes.
 */
@Component
class PaymentSchema {

	PaymentSchema(MongoTemplate mongo) {
		// A payment is found by the reference the provider and the buyer see.
		mongo.indexOps(Payment.class).createIndex(new Index().on("ref", Direction.ASC).sparse());
		// The console's order detail lists an order's payments and refunds.
		mongo.indexOps(Payment.class).createIndex(new Index().on("orderNo", Direction.ASC));
		mongo.indexOps(Refund.class).createIndex(new Index().on("orderNo", Direction.ASC).sparse());
		// The reconciliation sweep asks about unsettled starts, oldest first.
		mongo.indexOps(PaymentStart.class)
			.createIndex(new Index().on("settledAt", Direction.ASC).on("startedAt", Direction.ASC));
		// The sweep for refunds whose answer was lost.
		mongo.indexOps(Refund.class)
			.createIndex(new Index().on("status", Direction.ASC).on("requestedAt", Direction.ASC));
	}
}
