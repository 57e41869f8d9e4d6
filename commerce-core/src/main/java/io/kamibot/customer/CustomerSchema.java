package io.kamibot.customer;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes of the customers collection, ensured when the application starts, before anything reads or
 * writes.
 */
@Component
class CustomerSchema {

	CustomerSchema(MongoTemplate mongo) {
		// One customer per identity on a channel, also when two first messages arrive at once.
		mongo.indexOps(Customer.class)
			.createIndex(new Index().on("channel", Direction.ASC).on("userId", Direction.ASC).unique());
	}
}
