package io.kamibot.alerts;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes of alerts and their deliveries, ensured when the application starts, before anything reads or
 * writes.
 */
@Component
class AlertSchema {

	AlertSchema(MongoTemplate mongo) {
		// An alert with a key is raised once, however often its cause is seen.
		mongo.indexOps(Alert.class).createIndex(new Index().on("key", Direction.ASC).unique().sparse());
		// Each destination's queue, by status.
		mongo.indexOps(AlertDelivery.class)
			.createIndex(new Index().on("status", Direction.ASC).on("destination", Direction.ASC));
		mongo.indexOps(AlertDelivery.class).createIndex(new Index().on("alertId", Direction.ASC));
	}
}
