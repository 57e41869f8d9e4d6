package io.kamibot.benefits;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import io.kamibot.testing.OnDiskMongo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import testing.kamibot.CoreTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
/**
 * One period of a plan with 500 recipients on the embedded default as the shop runs it (the store in a file, its
 * journal forced to disk before each answer, 16 server threads), three times, each with its own plan and product;
 * and the same period fired again. The first round is the cold one: the first period this JVM issues, as after a
 * restart of the shop. Prints the times with the machine's load average; asserts only that each recipient got one
 * set. Run it with
 * {@code ./mvnw -pl commerce-core -am verify -Dgroups=benchmark -DexcludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=BenefitIssuingBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(classes = CoreTestApplication.class)
@ContextConfiguration(initializers = OnDiskMongo.class)
@DirtiesContext
@Timeout(600)
class BenefitIssuingBenchmark {

	private static final int RECIPIENTS = 500;
	private static final int ROUNDS = 3;

	@Autowired
	BenefitIssuing issuing;

	@Autowired
	ApplicationContext context;

	@Test
	void measure() {
		StringBuilder table = new StringBuilder("\n| round | first fire | its CPU time (app and store) "
				+ "| the same period again | load average |\n|---|---|---|---|---|\n");
		PlanFixture fixture = new PlanFixture(context);
		for (int round = 1; round <= ROUNDS; round++) {
			String plan = fixture.plan(fixture.stocked(RECIPIENTS + 10), PlanFixture.MONTHLY, CatchUp.SKIP);
			fixture.recipients(plan, "webchat", RECIPIENTS);
			String period = "2026-0" + (3 + round);

			long cpu = cpuNanos();
			long first = timed(() -> issuing.issue(plan, period));
			cpu = cpuNanos() - cpu;
			long again = timed(() -> issuing.issue(plan, period));

			assertThat(fixture.orders(plan)).hasSize(RECIPIENTS);
			table.append(String.format("| %s | %,d ms | %,d ms | %,d ms | %.1f |%n", round == 1 ? "1 (cold JVM)" : round,
					first, cpu / 1_000_000, again, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		}
		System.out.println(table);
	}

	/**
	 * The CPU time of this process (the shop and its in-process store): unlike the wall time, it hardly moves when
	 * other builds share the machine.
	 */
	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static long timed(Runnable work) {
		long started = System.nanoTime();
		work.run();
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}
}
