package io.kamibot.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import io.kamibot.benefits.CatchUp;
import io.kamibot.benefits.IssueState;
import io.kamibot.benefits.PeriodState;
import io.kamibot.benefits.PlanFixture;
import io.kamibot.benefits.Plans;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.stock.Stock;
import io.kamibot.store.StoreBackend;
import io.kamibot.testing.TestClock;
import io.kamibot.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quartz.Scheduler;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import testing.kamibot.CoreTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances of the shop on one database, each a whole application with its own Quartz scheduler firing the benefit
 * dispatcher every second and its own Redis connection, as production runs them. Instance A starts issuing a period
 * of 500 recipients and is closed in the middle of it: its store connections, workers and scheduler go, and the
 * job's fire lock it held is left to expire. B, running beside it all along, and C, started afterwards on the same
 * data as a restarted A, both fire the period again. Each recipient gets one issue, because the issue key, not the
 * scheduler, makes it once.
 */
@Timeout(240)
class BenefitSchedulersTest {

	private static final String PERIOD = "2026-04";
	/** 2026-04-02: April's period fired on the 1st at 09:00. */
	private static final Duration INTO_APRIL = Duration.ofDays(31);

	private final String key = Vault.newKey();
	private final List<ConfigurableApplicationContext> running = new ArrayList<>();
	private MongoServer store;

	@BeforeEach
	void startStore() {
		store = new MongoServer(StoreBackend.inMemory());
		store.bind("127.0.0.1", 0);
	}

	@AfterEach
	void stopAll() {
		running.forEach(ConfigurableApplicationContext::close);
		store.shutdownNow();
	}

	@Test
	void aPeriodFiredByTwoSchedulersAndAgainAfterAnInstanceDiedInItsMiddleIssuesEachOf500RecipientsOnce() {
		ConfigurableApplicationContext a = start("a");
		PlanFixture atA = new PlanFixture(a);
		Sku sku = atA.stocked(600);
		String plan = atA.plan(sku, PlanFixture.MONTHLY, CatchUp.ISSUE);
		assertThat(atA.recipients(plan, "telegram", 500)).hasSize(500);
		ConfigurableApplicationContext b = start("b"); // Its clock is still in March: it finds nothing due yet.
		a.getBean(TestClock.class).advance(INTO_APRIL);

		await("A to be in the middle of April's period").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> atA.issues(plan, PERIOD, null) > 0);
		String stateWhenClosed = a.getBean(Plans.class).view(plan).periods().get(0).state().name();
		long issuedWhenClosed = atA.issues(plan, PERIOD, IssueState.ISSUED);
		close(a);
		assertThat(stateWhenClosed).as("A died while issuing").isEqualTo(PeriodState.ISSUING.name());
		System.out.printf("Instance A closed with %d of 500 issues issued%n", issuedWhenClosed);

		b.getBean(TestClock.class).advance(INTO_APRIL);
		ConfigurableApplicationContext c = start("c");
		c.getBean(TestClock.class).advance(INTO_APRIL);
		PlanFixture atB = new PlanFixture(b);
		Plans plans = b.getBean(Plans.class);
		await("the period done by B or C, once A's fire lock expired").atMost(Duration.ofSeconds(120))
			.until(() -> plans.get(plan).handled() == 1);
		// Fires that started after the period was done, on both schedulers: each had its chance to issue it again.
		JobFires atFirst = JobFires.of(b.getBean(Scheduler.class), "issue-benefits");
		JobFires atOther = JobFires.of(c.getBean(Scheduler.class), "issue-benefits");
		atFirst.awaitMoreRuns(2, Duration.ofSeconds(60));
		atOther.awaitMoreRuns(2, Duration.ofSeconds(60));

		assertThat(atB.issues(plan, PERIOD, null)).isEqualTo(500);
		assertThat(atB.issues(plan, PERIOD, IssueState.ISSUED)).isEqualTo(500);
		List<Order> orders = atB.orders(plan);
		assertThat(orders).hasSize(500).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.DELIVERED));
		assertThat(orders.stream().map(Order::customerId).distinct()).as("one set per recipient").hasSize(500);
		assertThat(b.getBean(Stock.class).levels(sku).sold()).isEqualTo(500);
		assertThat(plans.view(plan).periods()).singleElement()
			.satisfies(p -> assertThat(p.state()).isEqualTo(PeriodState.DONE));
	}

	/** An instance of the shop on the shared store, with the same vault key, firing the dispatcher every second. */
	private ConfigurableApplicationContext start(String instance) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CoreTestApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.mongodb.uri=mongodb://127.0.0.1:" + store.getLocalAddress().getPort() + "/kamibot",
					"kamibot.secrets.key=" + key, "kamibot.payment.sandbox.enabled=true",
					"kamibot.jobs.issue-benefits=* * * * * ?", "spring.quartz.scheduler-name=benefits-" + instance)
			.run();
		running.add(context);
		return context;
	}

	private void close(ConfigurableApplicationContext context) {
		running.remove(context);
		context.close();
	}
}
