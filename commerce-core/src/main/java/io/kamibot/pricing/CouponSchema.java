package io.kamibot.pricing;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes of coupon uses, ensured when the application starts. */
@Component
class CouponSchema {

	CouponSchema(MongoTemplate mongo) {
		// A coupon's uses, for its admin page.
		mongo.indexOps(CouponUse.class).createIndex(new Index().on("code", Direction.ASC).on("takenAt", Direction.DESC));
	}
}
