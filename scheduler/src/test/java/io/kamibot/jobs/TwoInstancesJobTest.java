package io.kamibot.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.reporting.DailyReports;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two scheduler instances, each with its own Redis connection, sharing MongoDB and Redis, fire the daily report at
 * the same scheduled time: it runs once; and a second run for another fire changes nothing.
 */
@CoreTest
class TwoInstancesJobTest {

	private final RedissonClient first = TestRedis.client();
	private final RedissonClient second = TestRedis.client();

	@Autowired
	DailyReports reports;

	@Autowired
	Alerts alerts;

	@Autowired
	TestClock clock;

	@AfterEach
	void close() {
		first.shutdown();
		second.shutdown();
	}

	@Test
	void aFireOfTheDailyReportRunsOnceAcrossTwoInstances() {
		String job = "daily-report-" + ThreadLocalRandom.current().nextLong(1L << 40);
		long fire = clock.millis();
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Boolean>> instances = List.of(new FireOnce(first), new FireOnce(second))
			.stream()
			.map(fireOnce -> CompletableFuture.supplyAsync(() -> {
				await(start);
				return fireOnce.run(job, fire, () -> {
					runs.incrementAndGet();
					reports.sendYesterday();
				});
			}))
			.toList();
		start.countDown();
		assertThat(instances.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(true, false);
		assertThat(runs).hasValue(1);

		// A later fire (or a run the lock did not stop) finds the day reported already: nothing changes.
		assertThat(new FireOnce(second).run(job, fire + 60_000, reports::sendYesterday)).isTrue();
		String yesterday = LocalDate.ofInstant(clock.instant(), clock.getZone()).minusDays(1).toString();
		assertThat(alerts.recent(50).stream()
			.filter(a -> a.type() == AlertType.DAILY_REPORT && a.arg(0).equals(yesterday))).hasSize(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
