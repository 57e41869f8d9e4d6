package io.kamibot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The per-chat limiters on a real Redis: each chat keeps its own pace, private chats and groups their own. */
@Timeout(30)
class TelegramLimitsTest {

	private static final RedissonClient redis = TestRedis.client();

	@AfterAll
	static void close() {
		redis.shutdown();
	}

	@Test
	void aPrivateChatOverItsPaceWaitsForTheWindowWhileAnotherChatHasItsWholeBurst() {
		TelegramLimits limits = new TelegramLimits(redis, settings("2/1s", "20/1m"));
		// Ids of this run only: the Redis may be shared with other runs.
		String chat = String.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
		String other = String.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));

		long started = System.nanoTime();
		limits.awaitTurn(chat);
		limits.awaitTurn(chat);
		assertThat(permits(chat)).isZero();

		limits.awaitTurn(other);
		assertThat(permits(other)).isEqualTo(1);

		limits.awaitTurn(chat);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void aGroupKeepsItsOwnPace() {
		TelegramLimits limits = new TelegramLimits(redis, settings("3/3s", "2/1m"));
		String group = "-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
		String chat = String.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));

		limits.awaitTurn(group);
		limits.awaitTurn(group);
		limits.awaitTurn(chat);

		assertThat(permits(group)).isZero();
		assertThat(permits(chat)).isEqualTo(2);
	}

	@Test
	void readsPacesAndRefusesWhatIsNotOne() {
		assertThat(Pace.parse("3/3s")).isEqualTo(new Pace(3, Duration.ofSeconds(3)));
		assertThat(Pace.parse(" 20 / 1m ")).isEqualTo(new Pace(20, Duration.ofMinutes(1)));
		assertThat(Pace.parse("30/500ms")).isEqualTo(new Pace(30, Duration.ofMillis(500)));
		assertThatIllegalArgumentException().isThrownBy(() -> Pace.parse("3"));
		assertThatIllegalArgumentException().isThrownBy(() -> Pace.parse("0/1s"));
		assertThatIllegalArgumentException().isThrownBy(() -> Pace.parse("3/0s"));
		assertThatIllegalArgumentException().isThrownBy(() -> settings("three/3s", "20/1m"));

		TelegramSettings defaults = new TelegramSettings("1:a", null, null, null, null, null, null, null, null);
		assertThat(Pace.parse(defaults.privateChatPace())).isEqualTo(new Pace(3, Duration.ofSeconds(3)));
		assertThat(Pace.parse(defaults.groupPace())).isEqualTo(new Pace(20, Duration.ofMinutes(1)));
		assertThat(Pace.parse(defaults.overallPace())).isEqualTo(new Pace(30, Duration.ofSeconds(1)));
	}

	private static long permits(String chatId) {
		return redis.getRateLimiter(TelegramLimits.chatKey(chatId)).availablePermits();
	}

	private static TelegramSettings settings(String privateChat, String group) {
		return new TelegramSettings("1:a", URI.create("http://127.0.0.1:1"), null, null, null, null, privateChat,
				group, null);
	}
}
