package io.kamibot.benefits;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertType;
import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.pricing.PriceList;
import io.kamibot.pricing.Pricing;
import io.kamibot.reporting.DailyReport;
import io.kamibot.reporting.DailyReports;
import io.kamibot.resellers.ResellerDraft;
import io.kamibot.resellers.ResellerWallets;
import io.kamibot.resellers.Resellers;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Catch-up, pausing, changed schedules, claim codes, back-orders and payers of benefit plans. */
@CoreTest
class BenefitPlansTest {

	/** 2026-03-02 09:00 in Shanghai, when every test starts: the next monthly fire is 2026-04-01 09:00. */
	private static final Duration PAST_THREE_FIRES = Duration.ofDays(105); // 2026-06-15

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	Plans plans;

	@Autowired
	PlanRecipients recipients;

	@Autowired
	BenefitIssuing issuing;

	@Autowired
	Stock stock;

	@Autowired
	Customers customers;

	@Autowired
	Pricing pricing;

	@Autowired
	Resellers resellers;

	@Autowired
	ResellerWallets wallets;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	DailyReports reports;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext shop;

	PlanFixture fixture;

	/** Each test starts at the same time, and only its own plans are due. */
	@BeforeEach
	void onlyThisTestsPlans() {
		clock.reset();
		mongo.remove(new Query(), Plan.class);
		fixture = new PlanFixture(shop);
	}

	@Test
	void catchUpIssueIssuesEachMissedPeriodOnceAndSkipOnlyTheCurrentOne() {
		Sku sku = fixture.stocked(20);
		String issue = fixture.plan(sku, PlanFixture.MONTHLY, CatchUp.ISSUE, "webchat:a", "webchat:b");
		String skip = fixture.plan(sku, PlanFixture.MONTHLY, CatchUp.SKIP, "webchat:a", "webchat:b");
		assertThat(issuing.issueDue()).as("nothing is due before April").isZero();
		clock.advance(PAST_THREE_FIRES);

		assertThat(issuing.issueDue()).as("three periods of one plan, one of the other").isEqualTo(4);
		assertThat(issuing.issueDue()).as("fired again: nothing more").isZero();

		assertThat(fixture.periods(issue)).containsExactly("2026-04 DONE 2", "2026-05 DONE 2", "2026-06 DONE 2");
		assertThat(fixture.periods(skip)).containsExactly("2026-04 SKIPPED 0", "2026-05 SKIPPED 0", "2026-06 DONE 2");
		assertThat(fixture.orders(issue)).hasSize(6);
		assertThat(fixture.orders(skip)).hasSize(2);
		assertThat(plans.get(skip).handled()).isEqualTo(3);
	}

	@Test
	void aPausedPlanIssuesNothingAndSkipsWhatPassedWhenResumed() {
		Sku sku = fixture.stocked(10);
		String plan = fixture.plan(sku, PlanFixture.MONTHLY, CatchUp.ISSUE, "webchat:p");
		plans.pause(plan);
		clock.advance(Duration.ofDays(31));
		assertThat(issuing.issueDue()).isZero();

		plans.resume(plan);
		assertThat(issuing.issueDue()).as("April passed while paused").isZero();
		clock.advance(Duration.ofDays(30)); // 2026-05-02
		assertThat(issuing.issueDue()).isEqualTo(1);
		assertThat(fixture.periods(plan)).containsExactly("2026-04 SKIPPED 0", "2026-05 DONE 1");
	}

	@Test
	void aPlanFinishesAfterItsPeriodsAndGoesOnWhenGivenMore() {
		Sku sku = fixture.stocked(10);
		String plan = fixture.plan(sku, PlanFixture.MONTHLY, CatchUp.ISSUE, "webchat:f");
		Plan saved = plans.get(plan);
		plans.save(plan, new PlanDraft(saved.name(), saved.items(), saved.cron(), saved.startsAt(), null, 2,
				CatchUp.ISSUE, null));
		clock.advance(PAST_THREE_FIRES);
		assertThat(issuing.issueDue()).as("two of the three fires").isEqualTo(2);
		assertThat(issuing.issueDue()).isZero();
		assertThat(plans.get(plan).status()).isEqualTo(PlanStatus.FINISHED);

		plans.save(plan, new PlanDraft(saved.name(), saved.items(), saved.cron(), saved.startsAt(), null, 3,
				CatchUp.ISSUE, null));
		assertThat(plans.get(plan).status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(issuing.issueDue()).isEqualTo(1);
		assertThat(fixture.periods(plan)).containsExactly("2026-04 DONE 1", "2026-05 DONE 1", "2026-06 DONE 1");
	}

	@Test
	void aChangedScheduleTakesEffectWithoutAFireInBetween() {
		Sku sku = fixture.stocked(10);
		String plan = fixture.plan(sku, PlanFixture.MONTHLY, CatchUp.ISSUE, "webchat:c");
		clock.advance(Duration.ofDays(31)); // 2026-04-02
		assertThat(issuing.issueDue()).isEqualTo(1);
		Plan saved = plans.get(plan);
		plans.save(plan, new PlanDraft(saved.name(), saved.items(), "0 0 9 15 * ?", saved.startsAt(), null, null,
				CatchUp.ISSUE, null));

		clock.advance(Duration.ofDays(30)); // 2026-05-02: the old schedule fired on the 1st, the new one on 04-15
		issuing.issueDue();
		assertThat(fixture.orders(plan)).as("April's period, again: still one issue").hasSize(1);
		clock.advance(Duration.ofDays(14)); // 2026-05-16
		assertThat(issuing.issueDue()).isEqualTo(1);
		assertThat(fixture.periods(plan)).containsExactly("2026-04 DONE 1", "2026-05 DONE 1");
		assertThat(fixture.orders(plan)).hasSize(2);
		assertThat(plans.get(plan).handled()).as("April counted once").isEqualTo(2);
	}

	@Test
	void aClaimCodeWorksOnceFromAnyChannelAndBringsWhatWasIssuedSoFar() {
		Sku sku = fixture.stocked(10);
		String plan = fixture.plan(sku, PlanFixture.MONTHLY, CatchUp.ISSUE);
		String code = recipients.add(plan, "claim:new-hire").get(0).claimCode();
		assertThat(code).isNotBlank();
		clock.advance(Duration.ofDays(62)); // 2026-05-03: April and May
		assertThat(issuing.issueDue()).isEqualTo(2);
		assertThat(fixture.orders(plan)).isEmpty();
		assertThat(plans.view(plan).periods()).allSatisfy(p -> assertThat(p.waiting()).isEqualTo(1));

		String wechat = customers.identify(new ChannelIdentity("wechat", "o-" + plan)).id();
		PlanRecipients.Claimed claimed = recipients.claim(code.toLowerCase(), wechat, "wechat:o-" + plan);
		assertThat(claimed.issues()).isEqualTo(2);
		assertThat(fixture.orders(plan)).hasSize(2).allSatisfy(o -> {
			assertThat(o.customerId()).isEqualTo(wechat);
			assertThat(o.status()).isEqualTo(OrderStatus.DELIVERED);
		});
		assertThat(plans.view(plan).periods()).allSatisfy(p -> {
			assertThat(p.issued()).isEqualTo(1);
			assertThat(p.claimed()).isEqualTo(1);
		});

		String telegram = customers.identify(new ChannelIdentity("telegram", "7" + next.get())).id();
		assertThatThrownBy(() -> recipients.claim(code, telegram, "telegram:7")).isInstanceOf(InvalidClaimCode.class);
		assertThat(recipients.add(plan, "claim:new-hire").get(0).claimCode()).as("claimed: no new code").isNull();
		clock.advance(Duration.ofDays(30));
		issuing.issueDue();
		assertThat(fixture.orders(plan)).hasSize(3).allSatisfy(o -> assertThat(o.customerId()).isEqualTo(wechat));
	}

	@Test
	void shortStockWaitsAsBackOrdersWithOneAlertPerPlanAndPeriod() {
		Sku sku = fixture.stocked(1);
		String plan = fixture.plan(sku, PlanFixture.MONTHLY, CatchUp.ISSUE, "webchat:x", "webchat:y", "webchat:z");
		clock.advance(Duration.ofDays(31));
		assertThat(issuing.issueDue()).isEqualTo(1);
		issuing.issue(plan, "2026-04");

		List<Alert> raised = mongo.find(Query.query(where("type").in(AlertType.BENEFIT_SHORTFALL,
				AlertType.DELIVERY_FAILED)), Alert.class);
		assertThat(raised).singleElement().satisfies(alert -> {
			assertThat(alert.type()).isEqualTo(AlertType.BENEFIT_SHORTFALL);
			assertThat(alert.args()).containsExactly(plan, "Perks " + plan, "2026-04", sku.value() + " × 2");
		});
		assertThat(plans.view(plan).periods()).singleElement().satisfies(p -> assertThat(p.waiting()).isEqualTo(2));

		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value() + "-MORE", 2)), "test");
		Awaitility.await("back-orders delivered on restock").atMost(Duration.ofSeconds(10))
			.until(() -> fixture.orders(plan).stream().allMatch(o -> o.status() == OrderStatus.DELIVERED));
		assertThat(plans.view(plan).periods()).singleElement().satisfies(p -> {
			assertThat(p.issued()).isEqualTo(3);
			assertThat(p.waiting()).isZero();
		});
	}

	@Test
	void aPayerResellerIsDebitedTheirPriceOncePerIssueAndAShortWalletWaits() {
		Sku sku = fixture.stocked(10);
		pricing.setPrices(sku, new PriceList(sku.value(), java.util.Map.of("1", 700L), List.of()));
		String reseller = "payer-" + next.incrementAndGet();
		resellers.save(reseller, new ResellerDraft("Payer " + reseller, 1, null, null, null, null));
		wallets.topUp(reseller, 1_000, "opening", null);
		String plan = "paid-" + next.incrementAndGet();
		plans.save(plan, new PlanDraft("Paid " + plan, List.of(new Plan.Item(sku.value(), 1)), PlanFixture.MONTHLY,
				clock.instant(), null, null, CatchUp.ISSUE, reseller));
		recipients.add(plan, "webchat:m1\nwebchat:m2");
		clock.advance(Duration.ofDays(31));

		issuing.issueDue();
		issuing.issue(plan, "2026-04");
		assertThat(wallets.balance(reseller).balanceFen()).as("one issue paid at 7 yuan, the other short")
			.isEqualTo(300);
		assertThat(fixture.orders(plan)).hasSize(1);
		assertThat(mongo.count(Query.query(where("type").is(AlertType.BENEFIT_UNPAID).and("args").is(plan)),
				Alert.class)).isEqualTo(1);

		wallets.topUp(reseller, 1_000, "second", null);
		assertThat(issuing.issue(plan, "2026-04").issued()).isEqualTo(2);
		issuing.issue(plan, "2026-04");
		assertThat(wallets.balance(reseller).balanceFen()).isEqualTo(600);
		assertThat(fixture.orders(plan)).hasSize(2).allSatisfy(o -> assertThat(o.totalFen()).isEqualTo(700));
	}

	@Test
	void aPayerWithoutMoneyLeavesEveryIssueOfThePeriodUnpaidWithOneAlert() {
		Sku sku = fixture.stocked(5);
		String reseller = "broke-" + next.incrementAndGet();
		resellers.save(reseller, new ResellerDraft("Broke " + reseller, 1, null, null, null, null));
		String plan = "broke-plan-" + next.incrementAndGet();
		plans.save(plan, new PlanDraft("Paid " + plan, List.of(new Plan.Item(sku.value(), 1)), PlanFixture.MONTHLY,
				clock.instant(), null, null, CatchUp.ISSUE, reseller));
		recipients.add(plan, "webchat:" + plan + "-a\nwebchat:" + plan + "-b");
		clock.advance(Duration.ofDays(31));

		assertThat(issuing.issueDue()).as("the period is looked at, nobody paid").isEqualTo(1);
		assertThat(fixture.issues(plan, "2026-04", IssueState.UNPAID)).isEqualTo(2);
		assertThat(fixture.orders(plan)).isEmpty();
		assertThat(mongo.count(Query.query(where("type").is(AlertType.BENEFIT_UNPAID).and("args").is(plan)),
				Alert.class)).isEqualTo(1);
	}

	@Test
	void theDailyReportCountsPlanIssuesApartFromOrders() {
		Sku sku = fixture.stocked(5);
		fixture.plan(sku, "0 0 9 25 * ?", CatchUp.ISSUE, "webchat:r1", "webchat:r2");
		clock.advance(Duration.ofDays(24)); // 2026-03-26, a day no other test issues on
		assertThat(issuing.issueDue()).isEqualTo(1);

		DailyReport report = reports.report(LocalDate.of(2026, 3, 26));
		assertThat(report.planIssues()).isEqualTo(2);
		assertThat(report.orders()).isZero();
		assertThat(report.topProducts()).containsExactly(sku.value() + "×2");
	}

	@Test
	void badRecipientLinesAddNothingAndUnknownPeriodsAreRefused() {
		String plan = fixture.plan(fixture.stocked(1), PlanFixture.MONTHLY, CatchUp.ISSUE);
		assertThatThrownBy(() -> recipients.add(plan, "webchat:ok\nsms:123\n\nclaim:"))
			.isInstanceOfSatisfying(InvalidRecipients.class, e -> assertThat(e.lines()).hasSize(2)
				.allSatisfy(line -> assertThat(line).startsWith("line ")));
		assertThat(recipients.list(plan, 10)).isEmpty();
		assertThatThrownBy(() -> issuing.issue(plan, "2026-13")).isInstanceOf(UnknownPeriod.class);
		assertThatThrownBy(() -> issuing.issue(plan, "2026-02")).as("before its start").isInstanceOf(UnknownPeriod.class);
		assertThatThrownBy(() -> issuing.issue("no-such-plan", "2026-04")).isInstanceOf(UnknownPlan.class);
		assertThatThrownBy(() -> plans.save(plan, new PlanDraft("x", List.of(new Plan.Item("NOPE-1", 1)),
				PlanFixture.MONTHLY, clock.instant(), null, null, null, null))).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> plans.save(plan, new PlanDraft("x", List.of(), "every day", clock.instant(), null,
				null, null, null))).isInstanceOf(IllegalArgumentException.class);
	}
}
