package io.kamibot.jobs;

import java.util.concurrent.ThreadLocalRandom;

import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Two scheduler instances, each with its own Redis connection, sharing one Redis. */
class FireOnceTest {

	private final RedissonClient first = TestRedis.client();
	private final RedissonClient second = TestRedis.client();

	@AfterEach
	void close() {
		first.shutdown();
		second.shutdown();
	}

	@Test
	void runsEachScheduledFireOnceAcrossInstances() {
		FireOnce one = new FireOnce(first);
		FireOnce two = new FireOnce(second);
		long fire = ThreadLocalRandom.current().nextLong(1L << 40);

		assertThat(one.claim("job", fire)).isTrue();
		assertThat(two.claim("job", fire)).isFalse();
		assertThat(one.claim("job", fire)).isFalse();

		assertThat(two.claim("job", fire + 15_000)).isTrue();
		assertThat(one.claim("other-job", fire)).isTrue();
	}
}
