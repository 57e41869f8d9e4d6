package io.kamibot.benefits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.benefits.IssueSteps.Placed;
import io.kamibot.benefits.IssueTerms.Line;
import io.kamibot.benefits.IssueTerms.Terms;
import io.kamibot.catalog.Sku;
import io.kamibot.delivery.Deliveries;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.PrepaidOrders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import io.kamibot.wallet.Wallets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once per plan, period and recipient: a period of 500 recipients fired by a run that dies half-way, then by
 * two instances at once, then again, issues 500 sets of codes, each recipient one.
 */
@CoreTest
class BenefitIssuingTest {

	@Autowired
	Plans plans;

	@Autowired
	BenefitIssuing issuing;

	@Autowired
	Stock stock;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	@Autowired
	IssueTerms terms;

	@Autowired
	PlanCursor cursor;

	@Autowired
	PeriodAlerts alerts;

	@Autowired
	PrepaidOrders prepaid;

	@Autowired
	Deliveries deliveries;

	@Autowired
	Wallets wallets;

	@Autowired
	ShopSettings shop;

	@Test
	void aPeriodFiredByACrashedRunThenByTwoInstancesIssuesEachOf500RecipientsOnce() {
		PlanFixture fixture = new PlanFixture(context);
		Sku sku = fixture.stocked(600);
		String plan = fixture.plan(sku, PlanFixture.MONTHLY, CatchUp.SKIP);
		assertThat(fixture.recipients(plan, "webchat", 500)).hasSize(500);
		clock.advance(Duration.ofDays(31)); // 2026-04-02: the period 2026-04 fired on the 1st

		BenefitIssuing crashing = instance(new CrashingSteps(250));
		assertThat(crashing.issueDue()).as("the run died half-way: the period is not done").isZero();
		assertThat(fixture.issues(plan, "2026-04", null)).isEqualTo(500);
		assertThat(fixture.issues(plan, "2026-04", IssueState.ISSUED)).isLessThan(500);

		BenefitIssuing restarted = instance(steps());
		long started = System.nanoTime();
		CompletableFuture<Integer> a = CompletableFuture.supplyAsync(issuing::issueDue);
		CompletableFuture<Integer> b = CompletableFuture.supplyAsync(restarted::issueDue);
		int periods = a.join() + b.join();
		System.out.printf("Plan of 500 recipients: a period issued by two instances after a crashed run in %d ms%n",
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		assertThat(periods).as("one instance moved the plan past the period").isEqualTo(1);
		assertThat(issuing.issueDue()).as("nothing is due any more").isZero();
		assertThat(issuing.issue(plan, "2026-04").issued()).as("issuing it by hand again").isEqualTo(500);

		assertThat(fixture.issues(plan, "2026-04", IssueState.ISSUED)).isEqualTo(500);
		List<Order> orders = fixture.orders(plan);
		assertThat(orders).hasSize(500).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.DELIVERED));
		assertThat(orders.stream().map(Order::customerId).distinct()).as("one set per recipient").hasSize(500);
		assertThat(stock.levels(sku).sold()).isEqualTo(500);
		assertThat(plans.get(plan).handled()).isEqualTo(1);
		assertThat(plans.view(plan).periods()).singleElement()
			.satisfies(p -> assertThat(p.state()).isEqualTo(PeriodState.DONE));
		crashing.destroy();
		restarted.destroy();
	}

	/** Another instance of the application: its own issuer and workers on the same database. */
	private BenefitIssuing instance(IssueSteps steps) {
		return new BenefitIssuing(mongo, steps, terms, cursor, alerts, clock, shop);
	}

	private IssueSteps steps() {
		return new IssueSteps(mongo, prepaid, deliveries, wallets, clock);
	}

	/**
	 * Steps of a process that dies: the first issues go through, the orders of the next ones are placed and not paid,
	 * and the process dies before the rest were more than recorded.
	 */
	private final class CrashingSteps extends IssueSteps {

		private final int survive;

		CrashingSteps(int survive) {
			super(mongo, prepaid, deliveries, wallets, clock);
			this.survive = survive;
		}

		@Override
		List<Placed> placeAll(Terms terms, List<Issue> issues, Executor executor) {
			super.placeAll(terms, issues.subList(0, survive), executor);
			Line line = terms.lines().get(0);
			for (Issue issue : issues.subList(survive, survive + 50)) {
				prepaid.placeWithoutCodes(issue.orderNos().get(0), issue.customerId(), line.sku(), line.quantity(),
						line.amountFen(), line.title());
			}
			throw new IllegalStateException("killed");
		}
	}
}
