package io.kamibot.benefits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import de.bwaldvogel.mongo.MongoServer;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Order;
import io.kamibot.stock.Stock;
import io.kamibot.store.StoreBackend;
import io.kamibot.testing.Codes;
import io.kamibot.testing.TestClock;
import io.kamibot.vault.Vault;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import testing.kamibot.CoreTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One period of a plan with 500 recipients on the embedded default as the shop runs it (the store in a file, its
 * journal forced to disk before each answer, 16 server threads), three times, each with its own plan and product;
 * and the same period fired again. Prints the times; asserts only that each recipient got one set. Run it with
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
	Plans plans;

	@Autowired
	PlanRecipients recipients;

	@Autowired
	BenefitIssuing issuing;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	@Test
	void measure() {
		StringBuilder table = new StringBuilder(
				"\n| round | first fire | its CPU time (app and store) | the same period again |\n|---|---|---|---|\n");
		for (int round = 1; round <= ROUNDS; round++) {
			String plan = "bench-" + round;
			Sku sku = new Sku("BENCH-PERK-" + round);
			catalog.save(sku, new ProductDraft("Perk " + round, null, null, 100L, null, true, 5, 0));
			stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), RECIPIENTS + 10)), "bench");
			plans.save(plan, new PlanDraft("Bench " + round, List.of(new Plan.Item(sku.value(), 1)), "0 0 9 1 * ?",
					clock.instant(), null, null, CatchUp.SKIP, null));
			recipients.add(plan, IntStream.range(0, RECIPIENTS).mapToObj(i -> "webchat:" + plan + "-" + i)
				.collect(Collectors.joining("\n")));
			String period = "2026-0" + (3 + round);

			long cpu = cpuNanos();
			long first = timed(() -> issuing.issue(plan, period));
			cpu = cpuNanos() - cpu;
			long again = timed(() -> issuing.issue(plan, period));

			assertThat(mongo.count(Query.query(where("payment").regex("^benefit:" + plan + ":")), Order.class))
				.isEqualTo(RECIPIENTS);
			table.append(String.format("| %d | %,d ms | %,d ms | %,d ms |%n", round, first, cpu / 1_000_000, again));
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
