package io.kamibot.inbox;

import java.time.Duration;

import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@CoreTest
class InboxTest {

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
}
