package io.kamibot.ordering;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/** The indexes of the orders collection, ensured when the application starts, before anything reads or writes. */
@Component
class OrderSchema {

	OrderSchema(MongoTemplate mongo) {
		IndexOperations orders = mongo.indexOps(Order.class);
		// A buyer's history, newest first.
		orders.createIndex(new Index().on("customerId", Direction.ASC).on("createdAt", Direction.DESC));
		// The expiry sweep and the status queries (held, waiting for stock, paid but undelivered).
		orders.createIndex(new Index().on("status", Direction.ASC).on("payBefore", Direction.ASC));
		// The unpaid-order limit counts by these on every purchase.
		orders.createIndex(new Index().on("customerId", Direction.ASC).on("status", Direction.ASC));
		// Reports read a day of payments.
		orders.createIndex(new Index().on("paidAt", Direction.ASC));
		// The console's order list and export, newest first, over everything or one product.
		orders.createIndex(new Index().on("createdAt", Direction.DESC));
		orders.createIndex(new Index().on("sku", Direction.ASC).on("createdAt", Direction.DESC));
	}
}
