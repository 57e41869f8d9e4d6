package io.kamibot.jobs;

import java.time.Duration;
import java.util.UUID;

import io.kamibot.events.DomainEvents;
import io.kamibot.events.FlakyListener;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The retry job, run by Quartz on its schedule, hands an event whose listener failed to it again. */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@TestPropertySource(properties = "kamibot.jobs.retry-events=* * * * * ?")
@Import(FlakyListener.class)
class RetryEventsJobTest {

	@Autowired
	DomainEvents events;

	@Autowired
	FlakyListener listener;

	@Autowired
	TestClock clock;

	@Test
	void retriesAFailedListenerOnSchedule() {
		events.publish(new FlakyListener.Ping(UUID.randomUUID().toString(), 1));
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.attempts() == 1);

		clock.advance(Duration.ofMinutes(2));

		await().atMost(Duration.ofSeconds(15)).until(() -> listener.handled() == 1);
		assertThat(listener.attempts()).isEqualTo(2);
	}
}
