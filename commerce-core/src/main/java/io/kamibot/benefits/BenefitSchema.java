package io.kamibot.benefits;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The benefit plans' indexes, ensured when the application starts, before anything reads or writes. */
@Component
class BenefitSchema {

	/** A claimed recipient's plan and customer: one claim per customer and plan, however many codes they send. */
	static final String SEAT = "seat";

	BenefitSchema(MongoTemplate mongo) {
		// The dispatcher reads the active plans at every tick.
		mongo.indexOps(Plan.class).createIndex(new Index().on("status", Direction.ASC));
		// A recipient is added once per plan: the same identity or claim label again finds it.
		mongo.indexOps(Recipient.class).createIndex(new Index().on("planId", Direction.ASC).on("key", Direction.ASC)
			.unique());
		// A period walks the plan's active recipients in pages.
		mongo.indexOps(Recipient.class).createIndex(new Index().on("planId", Direction.ASC)
			.on("status", Direction.ASC).on("_id", Direction.ASC));
		// /benefits and the claimant check find a customer's plans.
		mongo.indexOps(Recipient.class).createIndex(new Index().on("customerId", Direction.ASC));
		// /claim finds its code by the code's keyed hash.
		mongo.indexOps(Recipient.class).createIndex(new Index().on("claimHash", Direction.ASC).sparse());
		mongo.indexOps(Recipient.class).createIndex(new Index().on(SEAT, Direction.ASC).unique().sparse());
		// A period's counts, and its back-orders.
		mongo.indexOps(Issue.class).createIndex(new Index().on("planId", Direction.ASC).on("period", Direction.ASC)
			.on("state", Direction.ASC));
		// A claim places what waited for it; /benefits lists a recipient's issues.
		mongo.indexOps(Issue.class).createIndex(new Index().on("recipientId", Direction.ASC)
			.on("state", Direction.ASC));
		mongo.indexOps(PlanPeriod.class).createIndex(new Index().on("planId", Direction.ASC)
			.on("fireAt", Direction.ASC));
	}
}
