package io.kamibot.benefits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import io.kamibot.store.StoreBackend;
import io.kamibot.vault.Vault;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
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
@ContextConfiguration(initializers = BenefitIssuingBenchmark.OnDisk.class)
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

	/** The embedded default's store, in a fresh file: as {@code EmbeddedMongo} starts it, synced. */
	static class OnDisk implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Path dir;
			try {
				dir = Files.createTempDirectory("kamibot-benefits-bench");
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			MongoServer server = new MongoServer(StoreBackend.openFile(dir.resolve("kamibot.mv"), true));
			server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 16);
			((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("onDiskMongoServer",
					server::shutdownNow);
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("onDiskMongo",
					Map.of("spring.mongodb.uri", "mongodb://127.0.0.1:" + server.getLocalAddress().getPort()
							+ "/kamibot", "kamibot.secrets.key", Vault.newKey())));
		}
	}
}
