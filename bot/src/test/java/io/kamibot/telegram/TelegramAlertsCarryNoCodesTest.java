package io.kamibot.telegram;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.kamibot.adminchat.AlertTexts;
import io.kamibot.adminchat.FakeWecomRobot;
import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.benefits.BenefitIssuing;
import io.kamibot.benefits.CatchUp;
import io.kamibot.benefits.Plan;
import io.kamibot.benefits.PlanDraft;
import io.kamibot.benefits.PlanRecipients;
import io.kamibot.benefits.Plans;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Issuer;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.delivery.Deliveries;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.Payments;
import io.kamibot.redemption.Redeemer;
import io.kamibot.redemption.RedeemerDraft;
import io.kamibot.redemption.Redeemers;
import io.kamibot.redemption.Redemptions;
import io.kamibot.redemption.TooManyMisses;
import io.kamibot.reporting.DailyReports;
import io.kamibot.resellers.ResellerDraft;
import io.kamibot.resellers.Resellers;
import io.kamibot.stock.Stock;
import io.kamibot.stock.VoucherCode;
import io.kamibot.stockwatch.StockWatch;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every alert type a real flow raises around orders whose codes are known — low and out of stock, expiring stock,
 * a payment mismatch, a held order, a back-order, a scalper, a bad-code report that quotes the code, the daily
 * report — and not one alert text, digest, admin-group message or robot message holds a code.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
class TelegramAlertsCarryNoCodesTest {

	private static final String TOKEN = "876543:NOCODES-TOKEN";
	private static final Duration WAIT = Duration.ofSeconds(15);
	private static final FakeBotApi telegram = new FakeBotApi(TOKEN);
	private static final FakeWecomRobot robot = new FakeWecomRobot();
	private static final AtomicLong updates = new AtomicLong(9000);
	private static final long ADMIN = 9501;
	private static final long GROUP = -1_000_000_000L - ThreadLocalRandom.current().nextLong(1_000_000_000L);

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Customers customers;

	@Autowired
	Alerts alerts;

	@Autowired
	AlertTexts texts;

	@Autowired
	StockWatch watch;

	@Autowired
	DailyReports reports;

	@Autowired
	Payments payments;

	@Autowired
	Deliveries deliveries;

	@Autowired
	Redeemers redeemers;

	@Autowired
	Redemptions redemptions;

	@Autowired
	TestClock clock;

	@Autowired
	Plans plans;

	@Autowired
	PlanRecipients recipients;

	@Autowired
	BenefitIssuing issuing;

	@Autowired
	Resellers resellers;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		telegram.start();
		robot.start();
		registry.add("kamibot.telegram.token", () -> TOKEN);
		// Private chats at Telegram's pace (3 in 3 s) would add seconds to every conversation here; the pace itself
		// is tested in TelegramPurchaseTest and TelegramLimitsTest.
		registry.add("kamibot.telegram.private-chat-pace", () -> "100/1s");
		registry.add("kamibot.telegram.api-url", telegram::url);
		registry.add("kamibot.telegram.poll-timeout", () -> "1s");
		registry.add("kamibot.admin.telegram-ids", () -> String.valueOf(ADMIN));
		registry.add("kamibot.admin.wecom-webhooks", () -> robot.webhook("nocodes-key"));
		registry.add("kamibot.risk.orders-per-window", () -> "2");
		registry.add("kamibot.risk.review-first-order-stars", () -> "500");
	}

	@AfterAll
	static void stop() {
		telegram.close();
		robot.close();
	}

	@Test
	void noAlertOfAnyTypeCarriesACode() {
		// Alerts are held back until every type has been raised, then go out together: as single messages and one
		// digest. Sent as they come, on a loaded machine they trickle out one by one, use up the group's 20 messages
		// a minute and the rest wait for the next minute.
		Lifecycle dispatcher = context.getBean("alertDispatcher", Lifecycle.class);
		dispatcher.stop();
		say(GROUP, ADMIN, "/admin_register");
		telegram.awaitCall("sendMessage", c -> chat(c, GROUP) && c.param("text").contains("管理群"), WAIT);
		List<String> codes = new ArrayList<>();

		// LOW_STOCK, OUT_OF_STOCK, PROBLEM_REPORTED quoting the code the buyer got
		Sku sold = product("NC-SOLD", 2, 10L, 1, codes);
		long buyer = 8701;
		Order first = paid(sold, buyer, 10);
		awaitStatus(first, OrderStatus.DELIVERED);
		String firstCode = stock.reveal(first.orderNo()).get(0);
		say(buyer, buyer, "/problem " + first.orderNo() + " 卡密 " + firstCode + " 提示已被使用");
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains("已收到"), WAIT);
		awaitStatus(paid(sold, 8702, 10), OrderStatus.DELIVERED);

		// PAYMENT_MISMATCH and ORDER_HELD: Stars paid do not match the order
		Sku mismatch = product("NC-MISMATCH", 2, 10L, 0, codes);
		awaitStatus(paid(mismatch, 8703, 7), OrderStatus.UNDER_REVIEW);

		// ORDER_HELD: a large first order
		Sku big = product("NC-BIG", 2, 600L, 0, codes);
		awaitStatus(paid(big, 8704, 600), OrderStatus.UNDER_REVIEW);

		// DELIVERY_FAILED: paid after its reservation expired and the last code was sold meanwhile
		Sku scarce = product("NC-SCARCE", 1, 10L, 0, codes);
		Order late = orders.place(customer(8705), scarce, 1);
		clock.advance(Duration.ofMinutes(16));
		orders.expireOverdue();
		awaitStatus(paid(scarce, 8706, 10), OrderStatus.DELIVERED);
		pay(late, 8705, 10);
		awaitStatus(late, OrderStatus.AWAITING_STOCK);

		// SUSPECTED_FRAUD: over the order rate
		Sku rate = product("NC-RATE", 10, 10L, 0, codes);
		for (int i = 0; i < 4; i++) {
			say(8707, 8707, "/buy " + rate + " 1");
		}
		telegram.awaitCall("sendMessage", c -> chat(c, 8707) && c.param("text").contains("下单过于频繁"), WAIT);

		// HOARDING: unpaid orders of four chats hold as much of a product as they may
		Sku hoarded = product("NC-HOARDED", 30, 10L, 0, codes);
		for (int i = 0; i < 4; i++) {
			orders.place(customer(8710 + i), hoarded, 5);
		}

		// STOCK_EXPIRING
		Sku expiring = new Sku("NC-EXPIRING");
		catalog.save(expiring, new ProductDraft("NC-EXPIRING 商品", "desc", null, 990L, 10L, true, 10, 0));
		String soon = LocalDate.now(clock).plusDays(3).toString();
		String file = Codes.lines("NC-EXPIRING-CODE", 3).lines().map(c -> c + "," + soon)
			.collect(Collectors.joining("\n"));
		stock.importCodes(expiring, Codes.stream(file), "test");
		codes.addAll(Codes.lines("NC-EXPIRING-CODE", 3).lines().toList());
		watch.warnExpiring();

		// REDEMPTION_GUESSING: a redeemer presents more unknown codes than it may in a minute
		Sku own = new Sku("NC-OWN");
		catalog.save(own, new ProductDraft("NC-OWN 商品", "desc", null, 990L, 10L, true, 10, 0, Issuer.SHOP));
		Redeemer guesser = redeemers.save("nc-guess-" + System.nanoTime() % 1_000_000,
				new RedeemerDraft("Guesser", List.of(own.value())));
		SecureRandom random = new SecureRandom();
		for (int i = 0; i < 100; i++) {
			String guess = VoucherCode.generate(random, 16);
			codes.add(guess);
			try {
				redemptions.redeem(guesser, guess, "test");
			}
			catch (TooManyMisses e) {
				break;
			}
		}

		// DAILY_REPORT, for today: the orders above are in it
		reports.send(LocalDate.now(clock));

		// CODES_UNSENT: a buyer on a channel this instance does not run never gets the message
		Sku unreached = product("NC-UNREACHED", 2, 10L, 0, codes);
		String unreachable = customers.identify(new ChannelIdentity("wechat", "o-nc-unreached")).id();
		Order lost = orders.place(unreachable, unreached, 1);
		payments.confirm(new PaymentConfirmation("test", "tx-" + lost.orderNo(), lost.orderNo(),
				Money.fen(lost.totalFen())));
		for (int i = 0; i < 100 && alerts.recent(200).stream().noneMatch(a -> a.type() == AlertType.CODES_UNSENT);
				i++) {
			clock.advance(Duration.ofMinutes(5));
			deliveries.remindUnnotified();
		}

		// BENEFIT_SHORTFALL: a plan of two recipients and one code; BENEFIT_UNPAID: a plan whose payer has no money
		Sku perk = product("NC-PLAN", 1, 10L, 0, codes);
		resellers.save("nc-payer", new ResellerDraft("NC payer", 1, null, null, null, null));
		for (String payer : new String[] { null, "nc-payer" }) {
			String plan = payer == null ? "nc-short" : "nc-unpaid";
			plans.save(plan, new PlanDraft(plan, List.of(new Plan.Item(perk.value(), 1)), "0 0 9 1 * ?",
					clock.instant().minus(Duration.ofDays(40)), null, null, CatchUp.SKIP, payer));
			recipients.add(plan, "telegram:8720\ntelegram:8721");
		}
		issuing.issueDue();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				alerts.recent(200).stream().map(Alert::type).collect(Collectors.toCollection(() -> EnumSet.noneOf(
						AlertType.class))))
			.containsExactlyInAnyOrder(AlertType.values()));
		dispatcher.start();
		List<String> ids = alerts.recent(200).stream().map(Alert::id).toList();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts.deliveries(ids))
			.as("deliveries still pending").noneMatch(d -> d.status().equals("PENDING")));

		List<Alert> all = alerts.recent(200);
		List<String> outputs = new ArrayList<>();
		all.forEach(a -> outputs.add(texts.text(a)));
		outputs.add(texts.digest(all, 100_000));
		all.forEach(a -> outputs.add(String.join(" ", a.args())));
		telegram.calls().stream().filter(c -> chat(c, GROUP)).forEach(c -> outputs.add(c.params().toString()));
		robot.received(r -> true).forEach(r -> outputs.add(r.message().toString()));
		assertThat(outputs).anyMatch(o -> o.contains(first.orderNo())); // the checks look at real messages
		assertThat(all).filteredOn(a -> a.type() == AlertType.PROBLEM_REPORTED)
			.singleElement()
			.satisfies(a -> assertThat(texts.text(a)).contains("卡密 *** 提示已被使用"));
		for (String code : Stream.concat(codes.stream(), Stream.of(firstCode)).toList()) {
			assertThat(outputs).as("code %s", code).noneMatch(o -> o.contains(code));
		}
	}

	private Order paid(Sku sku, long buyer, long stars) {
		Order order = orders.place(customer(buyer), sku, 1);
		pay(order, buyer, stars);
		return order;
	}

	private void pay(Order order, long buyer, long stars) {
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), buyer, buyer, "XTR", stars,
				order.orderNo(), "charge-" + order.orderNo()));
	}

	private void awaitStatus(Order order, OrderStatus expected) {
		await().atMost(WAIT).until(() -> orders.find(order.orderNo()).orElseThrow().status(), equalTo(expected));
	}

	private Sku product(String name, int count, Long stars, int threshold, List<String> codes) {
		Sku sku = new Sku(name);
		catalog.save(sku, new ProductDraft(name + " 商品", "desc", null, 990L, stars, true, 10, threshold));
		String lines = Codes.lines(name + "-CODE", count);
		stock.importCodes(sku, Codes.stream(lines), "test");
		codes.addAll(lines.lines().toList());
		return sku;
	}

	private String customer(long chat) {
		return customers.identify(new ChannelIdentity("telegram", String.valueOf(chat))).id();
	}

	private static void say(long chat, long user, String text) {
		telegram.push(telegram.message(updates.incrementAndGet(), chat, user, text));
	}

	private static boolean chat(FakeBotApi.Call call, long chat) {
		return String.valueOf(chat).equals(call.param("chat_id"));
	}
}
