package io.kamibot.events;

import java.time.Duration;
import java.util.UUID;

import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The event publication registry on the embedded store, with Spring Modulith's real multicaster, registry and MongoDB
 * repository: a publication stays until its listener returned, and one whose listener failed is handed to it again
 * once it is old enough.
 */
@CoreTest
@DirtiesContext // its own listener bean: no other class shares this application
@Import(FlakyListener.class)
class EventRegistryTest {

	@Autowired
	DomainEvents events;

	@Autowired
	EventRetries retries;

	@Autowired
	FlakyListener listener;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	@Test
	void aPublicationIsRemovedOnceItsListenerReturned() {
		int before = listener.handled();
		events.publish(new FlakyListener.Ping(UUID.randomUUID().toString(), 0));

		await().atMost(Duration.ofSeconds(10)).until(() -> listener.handled() == before + 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> publications().isEmpty());
	}

	@Test
	void aFailedListenerIsHandedTheEventAgainOnceThePublicationIsOldEnough() {
		String id = UUID.randomUUID().toString();
		int attemptsBefore = listener.attempts();
		int handledBefore = listener.handled();
		events.publish(new FlakyListener.Ping(id, attemptsBefore + 1));

		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(statusOf(id)));
		assertThat(listener.attempts()).isEqualTo(attemptsBefore + 1);

		retries.retryStale();
		assertThat(statusOf(id)).as("too young to be retried: it might still be on its way").isEqualTo("FAILED");

		clock.advance(Duration.ofMinutes(2));
		retries.retryStale();

		await().atMost(Duration.ofSeconds(10)).until(() -> listener.handled() == handledBefore + 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(id) == null);
		assertThat(listener.attempts()).isEqualTo(attemptsBefore + 2);
	}

	@Test
	void aRetryWhoseProcessDiedIsRetriedAgain() {
		String id = UUID.randomUUID().toString();
		int handledBefore = listener.handled();
		events.publish(new FlakyListener.Ping(id, listener.attempts() + 1));
		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(statusOf(id)));

		// What a process leaves behind when it dies while a retry of the publication runs.
		mongo.updateFirst(Query.query(where("event.key").is(id)), Update.update("status", "RESUBMITTED")
			.set("lastResubmissionDate", clock.instant()), EventRetries.PUBLICATIONS);
		clock.advance(Duration.ofMinutes(2));
		retries.retryStale();

		await().atMost(Duration.ofSeconds(10)).until(() -> listener.handled() == handledBefore + 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(id) == null);
	}

	private java.util.List<Document> publications() {
		return mongo.findAll(Document.class, EventRetries.PUBLICATIONS);
	}

	/** The status of the ping's publication, {@code null} once there is none. */
	private String statusOf(String pingId) {
		Document publication = mongo.findOne(Query.query(where("event.key").is(pingId)), Document.class,
				EventRetries.PUBLICATIONS);
		return publication == null ? null : publication.getString("status");
	}
}
