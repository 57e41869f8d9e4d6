package io.kamibot.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import io.kamibot.testing.CoreTest;
import org.bson.types.ObjectId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The alert pipeline against a recording sink: limits, digests, retries, nothing lost, each key once. The dispatcher's
 * idle look is an hour away here, so every alert these tests see sent was found because raising it woke the
 * dispatcher, or because the dispatcher was still busy with earlier ones.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@TestPropertySource(properties = { "kamibot.alerts.retry-delay=50ms", "kamibot.alerts.max-attempts=3",
		"kamibot.alerts.idle-tick=1h" })
class AlertPipelineTest {

	@TestConfiguration
	static class Sink {

		@Bean
		RecordingSink recordingSink() {
			return new RecordingSink();
		}
	}

	@Autowired
	Alerts alerts;

	@Autowired
	RecordingSink sink;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AlertDispatcher dispatcher;

	@Autowired
	DestinationQueue queue;

	@Test
	void sixtyAlertsInOneMinuteReachADestinationAsAtMostTwentyMessagesWithNothingLost() {
		String group = target();
		alerts.register("test", group, "admin");
		List<String> raised = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			raised.add(alerts.raise(AlertType.LOW_STOCK, null, List.of("SKU-" + i, "t", "1", "5"), List.of())
				.orElseThrow()
				.id());
		}
		await(() -> pending(group) == 0);

		List<RecordingSink.Sent> messages = sink.sentTo(group);
		assertThat(messages.size()).isLessThanOrEqualTo(20);
		assertThat(messages).anyMatch(RecordingSink.Sent::digest);
		Set<String> received = new HashSet<>();
		messages.forEach(m -> received.addAll(m.alertIds()));
		assertThat(received).containsExactlyInAnyOrderElementsOf(raised);
		assertThat(messages.stream().mapToInt(m -> m.alertIds().size()).sum()).as("each alert once").isEqualTo(60);
	}

	@Test
	void aFailedSendIsTriedAgainAndAPersistentFailureIsMarkedNotDropped() {
		String flaky = target();
		String dead = target();
		alerts.register("test", flaky, "admin");
		alerts.register("test", dead, "admin");
		sink.failNext(flaky, 2);
		sink.failNext(dead, 100);
		String id = alerts.raise(AlertType.ORDER_HELD, null, List.of("K1", "c", "r"), List.of()).orElseThrow().id();

		await(() -> pending(flaky) == 0 && pending(dead) == 0);

		assertThat(sink.sentTo(flaky)).extracting(RecordingSink.Sent::alertIds).containsExactly(List.of(id));
		assertThat(sink.sentTo(dead)).isEmpty();
		AlertDelivery failed = mongo.findById(id + "@test:" + dead, AlertDelivery.class);
		assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(alerts.deliveryCounts().failed()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void aDestinationThatHangsHoldsUpOnlyItself() {
		String hanging = target();
		alerts.register("test", hanging, "admin");
		CountDownLatch release = sink.hold(hanging);
		String first = raiseMismatch();
		await(() -> sink.isHanging(hanging));

		String healthy = target();
		alerts.register("test", healthy, "admin");
		String second = raiseMismatch();
		await(() -> pending(healthy) == 0);
		assertThat(sink.sentTo(healthy)).extracting(RecordingSink.Sent::alertIds).containsExactly(List.of(second));
		assertThat(sink.sentTo(hanging)).as("still hanging").isEmpty();

		release.countDown();
		await(() -> pending(hanging) == 0);
		assertThat(sink.sentTo(hanging)).flatExtracting(RecordingSink.Sent::alertIds).containsExactly(first, second);
	}

	private String raiseMismatch() {
		return alerts.raise(AlertType.PAYMENT_MISMATCH, null, List.of("K2", "wechatpay", "1", "2"), List.of())
			.orElseThrow()
			.id();
	}

	@Test
	void anAlertWithAKeyIsRaisedOnce() {
		String key = "once:" + UUID.randomUUID();
		assertThat(alerts.raise(AlertType.DAILY_REPORT, key, List.of(), List.of())).isPresent();
		assertThat(alerts.raise(AlertType.DAILY_REPORT, key, List.of(), List.of())).isEmpty();
		assertThat(mongo.count(Query.query(where("key").is(key)), Alert.class)).isEqualTo(1);
	}

	@Test
	void anAlertQueuedByAnInstanceThatStoppedBeforeSendingIsSentByAnotherOnesIdleLook() {
		String group = target();
		alerts.register("test", group, "admin");
		dispatcher.stop(); // This instance no longer looks: only the survivor below can send it.
		AlertDispatcher survivor = new AlertDispatcher(mongo, queue,
				new AlertSettings(null, null, null, null, null, null, Duration.ofMillis(100)));
		try {
			survivor.start();
			Alert alert = new Alert(new ObjectId().toHexString(), null, AlertType.ORDER_HELD, List.of("K3", "c", "r"),
					List.of(), null, Instant.now());
			mongo.insert(alert);
			mongo.insert(new AlertDelivery(alert.id() + "@test:" + group, alert.id(), "test:" + group,
					DeliveryStatus.PENDING, 0, Instant.now(), Instant.now(), null, false, null));

			await(() -> pending(group) == 0);
			assertThat(sink.sentTo(group)).extracting(RecordingSink.Sent::alertIds).containsExactly(List.of(alert.id()));
		}
		finally {
			survivor.stop();
			dispatcher.start();
		}
	}

	private long pending(String target) {
		return mongo.count(Query.query(where("destination").is("test:" + target).and("status")
			.is(DeliveryStatus.PENDING)), AlertDelivery.class);
	}

	/** Each run its own targets: the rate limiters live in a Redis other runs may share. */
	private static String target() {
		return "g" + UUID.randomUUID().toString().substring(0, 12);
	}

	private static void await(BooleanSupplier condition) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
			.until(condition::getAsBoolean);
	}
}
