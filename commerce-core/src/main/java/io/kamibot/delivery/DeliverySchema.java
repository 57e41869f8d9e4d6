package io.kamibot.delivery;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes of the deliveries collection, ensured when the application starts, before anything reads or
 * writes.
 */
@Component
class DeliverySchema {

	DeliverySchema(MongoTemplate mongo) {
		mongo.indexOps(Delivery.class)
			.createIndex(new Index().on("customerId", Direction.ASC).on("notifiedAt", Direction.ASC));
		// The reminder job's question, every minute: the few deliveries not yet seen, among all there ever were.
		mongo.indexOps(Delivery.class)
			.createIndex(new Index().on("notifiedAt", Direction.ASC).on("deliveredAt", Direction.ASC));
		// The console's order detail shows who saw an order's codes, latest first.
		mongo.indexOps(CodeView.class).createIndex(new Index().on("orderNo", Direction.ASC).on("at", Direction.DESC));
	}
}
