package io.kamibot.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's promises on any MongoDB: an update is stored once, handed to one claimer at a time, in its chat's
 * order, and again when its claimer died. Run against the embedded store ({@link InboxTest}) and real MongoDB
 * ({@link InboxOnMongoDbTest}), where claims do race.
 */
abstract class InboxContract {

	private static final Duration LEASE = Duration.ofMinutes(1);

	@Autowired
	Inbox inbox;

	@Autowired
	TestClock clock;

	@Test
	void storesAnUpdateOnceHowEverOftenItArrives() {
		assertThat(inbox.accept("a", "1", "chat", "{}")).isTrue();
		assertThat(inbox.accept("a", "1", "chat", "{}")).isFalse();
		assertThat(inbox.pending("a")).isEqualTo(1);
	}

	@Test
	void handsOutEachChatsUpdatesInOrderAndOthersInParallel() {
		inbox.accept("b", "1", "chat-1", "first");
		clock.advance(Duration.ofMillis(1));
		inbox.accept("b", "2", "chat-1", "second");
		clock.advance(Duration.ofMillis(1));
		inbox.accept("b", "3", "chat-2", "other");

		InboxItem first = inbox.claim("b", LEASE).orElseThrow();
		InboxItem other = inbox.claim("b", LEASE).orElseThrow();
		assertThat(first.payload()).isEqualTo("first");
		assertThat(other.payload()).isEqualTo("other");
		assertThat(inbox.claim("b", LEASE)).as("second waits for first").isEmpty();

		inbox.done(first);
		assertThat(inbox.claim("b", LEASE).orElseThrow().payload()).isEqualTo("second");
	}

	@Test
	void keepsTheOrderOfUpdatesStoredInTheSameInstant() {
		inbox.accept("e", "1", "chat", "one");
		inbox.accept("e", "2", "chat", "two");
		InboxItem first = inbox.claim("e", LEASE).orElseThrow();
		assertThat(first.payload()).isEqualTo("one");
		assertThat(inbox.claim("e", LEASE)).isEmpty();
		inbox.done(first);
		assertThat(inbox.claim("e", LEASE).orElseThrow().payload()).isEqualTo("two");
	}

	@Test
	void handsOutAgainWhenTheProcessorDiedOrFailed() {
		inbox.accept("c", "1", "chat", "work");
		InboxItem claimed = inbox.claim("c", LEASE).orElseThrow();
		assertThat(inbox.claim("c", LEASE)).isEmpty();

		clock.advance(LEASE.plusSeconds(1));
		InboxItem again = inbox.claim("c", LEASE).orElseThrow();
		assertThat(again.id()).isEqualTo(claimed.id());
		assertThat(again.attempts()).isEqualTo(2);

		inbox.failed(again, Duration.ofSeconds(5));
		assertThat(inbox.claim("c", LEASE)).isEmpty();
		clock.advance(Duration.ofSeconds(6));
		assertThat(inbox.claim("c", LEASE)).isPresent();
	}

	@Test
	void parksAnUpdateThatKeepsFailingSoItsChatGoesOn() {
		inbox.accept("d", "1", "chat", "poison");
		clock.advance(Duration.ofMillis(1));
		inbox.accept("d", "2", "chat", "next");
		for (int i = 0; i < Inbox.MAX_ATTEMPTS; i++) {
			InboxItem poison = inbox.claim("d", LEASE).orElseThrow();
			assertThat(poison.payload()).isEqualTo("poison");
			inbox.failed(poison, Duration.ZERO);
		}
		assertThat(inbox.claim("d", LEASE).orElseThrow().payload()).isEqualTo("next");
	}

	@Test
	void handsEachUpdateToOneOfManyConcurrentClaimers() throws Exception {
		int updates = 60;
		for (int i = 0; i < updates; i++) {
			inbox.accept("race", String.valueOf(i), "chat-" + i, "update " + i);
		}
		List<Callable<List<String>>> claimers = new ArrayList<>();
		for (int c = 0; c < 8; c++) {
			claimers.add(() -> {
				List<String> claimed = new ArrayList<>();
				for (int i = 0; i < updates; i++) { // bounded: never more claims than updates
					Optional<InboxItem> item = inbox.claim("race", LEASE);
					if (item.isEmpty()) {
						break;
					}
					claimed.add(item.get().id());
				}
				return claimed;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<String> claimed = new ArrayList<>();
		try {
			for (Future<List<String>> result : pool.invokeAll(claimers, 1, TimeUnit.MINUTES)) {
				claimed.addAll(result.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(claimed).as("each update handed out once").hasSize(updates).doesNotHaveDuplicates();
	}
}
