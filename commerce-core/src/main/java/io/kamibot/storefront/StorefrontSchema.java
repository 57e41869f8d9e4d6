package io.kamibot.storefront;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes of the storefront's collections, ensured when the application starts. */
@Component
class StorefrontSchema {

	StorefrontSchema(MongoTemplate mongo) {
		// A restock takes the product's requests, oldest first.
		mongo.indexOps(RestockRequest.class)
			.createIndex(new Index().on("sku", Direction.ASC).on("at", Direction.ASC));
	}
}
