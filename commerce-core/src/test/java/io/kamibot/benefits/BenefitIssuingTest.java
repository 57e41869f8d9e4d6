package io.kamibot.benefits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.benefits.IssueSteps.Placed;
import io.kamibot.benefits.IssueTerms.Line;
import io.kamibot.benefits.IssueTerms.Terms;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.delivery.Deliveries;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.PrepaidOrders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import io.kamibot.wallet.Wallets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Exactly once per plan, period and recipient: a period of 500 recipients fired by a run that dies half-way, then by
 * two instances at once, then again, issues 500 sets of codes, each recipient one.
 */
@CoreTest
class BenefitIssuingTest {

	private static final AtomicInteger next = new AtomicInteger();

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
		Sku sku = stocked(600);
		String plan = "staff-" + next.incrementAndGet();
		plans.save(plan, draft(sku, "0 0 9 1 * ?", CatchUp.SKIP));
		String lines = IntStream.range(0, 500).mapToObj(i -> "webchat:" + plan + "-chat-" + i)
			.collect(Collectors.joining("\n"));
		assertThat(recipients.add(plan, lines)).hasSize(500);
		clock.advance(Duration.ofDays(31)); // 2026-04-02: the period 2026-04 fired on the 1st

		BenefitIssuing crashing = instance(new CrashingSteps(250));
		assertThat(crashing.issueDue()).as("the run died half-way: the period is not done").isZero();
		assertThat(issues(plan, "2026-04", null)).isEqualTo(500);
		assertThat(issues(plan, "2026-04", IssueState.ISSUED)).isLessThan(500);

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

		assertThat(issues(plan, "2026-04", IssueState.ISSUED)).isEqualTo(500);
		List<Order> orders = mongo.find(Query.query(where("payment").regex("^benefit:" + plan + ":")), Order.class);
		assertThat(orders).hasSize(500).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.DELIVERED));
		assertThat(orders.stream().map(Order::customerId).distinct()).as("one set per recipient").hasSize(500);
		assertThat(stock.levels(sku).sold()).isEqualTo(500);
		assertThat(plans.get(plan).handled()).isEqualTo(1);
		assertThat(plans.view(plan).periods()).singleElement()
			.satisfies(p -> assertThat(p.state()).isEqualTo(PeriodState.DONE));
		crashing.destroy();
		restarted.destroy();
	}

	private long issues(String plan, String period, IssueState state) {
		Query query = Query.query(where("planId").is(plan).and("period").is(period));
		if (state != null) {
			query.addCriteria(where("state").is(state));
		}
		return mongo.count(query, Issue.class);
	}

	private PlanDraft draft(Sku sku, String cron, CatchUp catchUp) {
		return new PlanDraft("Staff perks", List.of(new Plan.Item(sku.value(), 1)), cron, clock.instant(), null, 12,
				catchUp, null);
	}

	private Sku stocked(int codes) {
		Sku sku = new Sku("PERK-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft(sku.value() + " membership", null, null, 1_000L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), codes)), "test");
		return sku;
	}

	/** Another instance of the application: its own issuer and workers on the same database. */
	private BenefitIssuing instance(IssueSteps steps) {
		return new BenefitIssuing(mongo, steps, terms, cursor, alerts, clock, shop);
	}

	private IssueSteps steps() {
		return new IssueSteps(mongo, prepaid, deliveries, wallets, clock);
	}

	/**
	 * Steps of a process that dies: the first issues go through, the next ones die after placing their order and
	 * before paying it, and the rest die right after the issue was recorded.
	 */
	private final class CrashingSteps extends IssueSteps {

		private final AtomicInteger calls = new AtomicInteger();
		private final int survive;

		CrashingSteps(int survive) {
			super(mongo, prepaid, deliveries, wallets, clock);
			this.survive = survive;
		}

		@Override
		Placed advance(Terms terms, Issue recorded) {
			int call = calls.incrementAndGet();
			if (call <= survive) {
				return super.advance(terms, recorded);
			}
			if (call <= survive + 50) {
				Line line = terms.lines().get(0);
				prepaid.placeWithoutCodes(recorded.orderNos().get(0), recorded.customerId(), line.sku(),
						line.quantity(), line.amountFen(), line.title());
			}
			throw new IllegalStateException("killed");
		}
	}
}
