package io.kamibot.embedded;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, by {@code ping}: understood by MongoDB and by the embedded server alike. Named so
 * that Spring Boot's own MongoDB check, which sends {@code hello} (unknown to the embedded server), backs off.
 */
@Component("mongoHealthIndicator")
class StorageHealth implements HealthIndicator {

	private final MongoTemplate mongo;

	StorageHealth(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Health health() {
		try {
			mongo.executeCommand(new Document("ping", 1));
			return Health.up().withDetail("database", mongo.getDb().getName()).build();
		}
		catch (RuntimeException e) {
			return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
		}
	}
}
