package io.kamibot.resellers;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The resellers' indexes, ensured when the application starts, before anything reads or writes. */
@Component
class ResellerSchema {

	ResellerSchema(MongoTemplate mongo) {
		// Every Open API call finds its reseller by key id.
		mongo.indexOps(Reseller.class).createIndex(new Index().on("keyId", Direction.ASC).unique().sparse());
		// Balance alerts go to every chat of a reseller.
		mongo.indexOps(ResellerMember.class).createIndex(new Index().on("resellerId", Direction.ASC));
		// The recovery sweep: bulk orders still being placed, oldest first.
		mongo.indexOps(BulkOrder.class).createIndex(new Index().on("state", Direction.ASC).on("createdAt", Direction.ASC));
		// A download link names the order number.
		mongo.indexOps(BulkOrder.class).createIndex(new Index().on("orderNo", Direction.ASC).unique());
	}
}
