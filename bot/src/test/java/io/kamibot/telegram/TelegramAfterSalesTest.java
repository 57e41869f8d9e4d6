package io.kamibot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import io.kamibot.aftersales.Problems;
import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertAction;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.audit.AuditLog;
import io.kamibot.aftersales.Problems.Outcome;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After-sales through Telegram: a buyer's {@code /problem} reaches the admin group with Replace and Refund buttons,
 * and the admins' presses void, replace or refund exactly once. Real TelegramBots client against the fake Bot API.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
class TelegramAfterSalesTest {

	private static final String TOKEN = "765432:AFTERSALES-TOKEN";
	private static final Duration WAIT = Duration.ofSeconds(15);
	private static final FakeBotApi telegram = new FakeBotApi(TOKEN);
	private static final AtomicLong updates = new AtomicLong(7000);
	private static final long ADMIN = 9301;
	private static final long STRANGER = 9399;
	/** Each run its own group: the group's rate limiter lives in a Redis other runs may share. */
	private static final long GROUP = -1_000_000_000L - ThreadLocalRandom.current().nextLong(1_000_000_000L);
	private static boolean registered;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Customers customers;

	@Autowired
	Problems problems;

	@Autowired
	Alerts alerts;

	@Autowired
	AuditLog audit;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		telegram.start();
		registry.add("kamibot.telegram.token", () -> TOKEN);
		// Private chats at Telegram's pace (3 in 3 s) would add seconds to every conversation here; the pace itself
		// is tested in TelegramPurchaseTest and TelegramLimitsTest.
		registry.add("kamibot.telegram.private-chat-pace", () -> "100/1s");
		registry.add("kamibot.telegram.api-url", telegram::url);
		registry.add("kamibot.telegram.poll-timeout", () -> "1s");
		registry.add("kamibot.admin.telegram-ids", () -> String.valueOf(ADMIN));
		// The products here hold a few codes each: low-stock alerts for all of them would fill the group's 20
		// messages a minute and pace the replies these tests wait for.
		registry.add("kamibot.stock-watch.low-stock-threshold", () -> "0");
	}

	@AfterAll
	static void stop() {
		telegram.close();
	}

	@Test
	void replaceVoidsTheOldCodeAndDeliversOneNewCodeOnceAndANonAdminChangesNothing() throws InterruptedException {
		registerGroup();
		Sku sku = product("AS-REPL", 3);
		long buyer = 8601;
		Order order = deliveredOrder(sku, buyer);
		String oldCode = stock.reveal(order.orderNo()).get(0);

		reportProblem(order, buyer, "提示已被使用");
		FakeBotApi.Call alert = telegram.awaitCall("sendMessage",
				c -> inGroup(c) && c.param("text").contains(order.orderNo()), WAIT);
		assertThat(alert.params().get("reply_markup").toString()).contains("adm:REPLACE:" + order.orderNo())
			.contains("adm:REFUND:" + order.orderNo());
		assertThat(alert.param("text")).contains("提示已被使用").doesNotContain(oldCode);

		press(STRANGER, "adm:REPLACE:" + order.orderNo());
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("只有管理员"), WAIT);
		assertThat(stock.reveal(order.orderNo())).containsExactly(oldCode);
		assertThat(stock.levels(sku).sold()).isEqualTo(1);

		// Two presses in one batch of updates: the second finds the report replaced already.
		press(ADMIN, "adm:REPLACE:" + order.orderNo());
		press(ADMIN, "adm:REPLACE:" + order.orderNo());
		FakeBotApi.Call delivery = telegram.awaitCall("sendMessage",
				c -> chat(c, buyer) && "true".equals(c.param("protect_content")) && !c.param("text").contains(oldCode),
				WAIT);
		List<String> now = stock.reveal(order.orderNo());
		assertThat(now).hasSize(1).doesNotContain(oldCode);
		String newCode = now.get(0);
		assertThat(delivery.param("text")).contains(newCode);
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("新卡密已发送"), WAIT);
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains("卡密已更换"), WAIT);
		// The second press's own answer: once it is there, a second delivery it caused would have gone out first.
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("没有待处理")
				&& c.param("text").contains(order.orderNo()), WAIT);
		assertThat(codeMessages(buyer, newCode)).hasSize(1);
		assertThat(buyerTexts(buyer, "卡密已更换")).hasSize(1);
		assertThat(stock.reveal(order.orderNo())).containsExactly(newCode);

		// The buyer's order list shows the new code only.
		press(buyer, buyer, "c:" + order.orderNo());
		awaitCount(() -> codeMessages(buyer, newCode).size(), 2);
		assertThat(telegram.calls("sendMessage").stream()
			.filter(c -> chat(c, buyer) && c.param("text") != null && c.param("text").contains(oldCode))).hasSize(1);

		// The old code is never sold again: one code is left, then none.
		assertThat(stock.levels(sku).available()).isEqualTo(1);
		Order next = deliveredOrder(sku, 8602);
		assertThat(stock.reveal(next.orderNo())).doesNotContain(oldCode, newCode);
		assertThatThrownBy(() -> orders.place(customer(8603), sku, 1)).isInstanceOf(OutOfStock.class);
	}

	@Test
	void concurrentReplacesDeliverOneNewCode() throws InterruptedException {
		registerGroup();
		Sku sku = product("AS-CONC", 4);
		long buyer = 8611;
		Order order = deliveredOrder(sku, buyer);
		String oldCode = stock.reveal(order.orderNo()).get(0);
		reportProblem(order, buyer, "bad");
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains(order.orderNo()), WAIT);

		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Outcome>> presses = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			presses.add(CompletableFuture.supplyAsync(() -> {
				await(start);
				return problems.replace(order.orderNo(), "telegram:" + ADMIN);
			}));
		}
		start.countDown();
		List<Outcome> outcomes = presses.stream().map(CompletableFuture::join).toList();
		assertThat(outcomes).containsOnlyOnce(Outcome.REPLACED).doesNotContain(Outcome.NO_STOCK);

		List<String> now = stock.reveal(order.orderNo());
		assertThat(now).hasSize(1).doesNotContain(oldCode);
		// The replaces ran on the futures joined above, and they send on the thread that replaces: all is out.
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains(now.get(0)), WAIT);
		assertThat(codeMessages(buyer, now.get(0))).hasSize(1);
		assertThat(buyerTexts(buyer, "卡密已更换")).hasSize(1);
		var levels = stock.levels(sku);
		assertThat(levels.sold()).isEqualTo(1);
		assertThat(levels.available()).as("one voided, one sold, the rest on sale").isEqualTo(2);
	}

	@Test
	void replaceWithoutStockWaitsAndCompletesAfterAnImportWithoutVoidingTheNewCode() throws InterruptedException {
		registerGroup();
		Sku sku = product("AS-SHORT", 1);
		long buyer = 8621;
		Order order = deliveredOrder(sku, buyer);
		String oldCode = stock.reveal(order.orderNo()).get(0);
		reportProblem(order, buyer, "无法兑换");
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains(order.orderNo()), WAIT);

		press(ADMIN, "adm:REPLACE:" + order.orderNo());
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("库存不足")
				&& c.param("text").contains(order.orderNo()), WAIT);
		assertThat(stock.reveal(order.orderNo())).isEmpty();
		assertThat(codeMessages(buyer, oldCode)).hasSize(1); // the first delivery only

		stock.importCodes(sku, Codes.stream(Codes.lines("AS-SHORT-NEW", 1)), "test");
		String newCode = "AS-SHORT-NEW-0000";
		press(ADMIN, "adm:REPLACE:" + order.orderNo());
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains(newCode), WAIT);
		press(ADMIN, "adm:REPLACE:" + order.orderNo());
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("没有待处理"), WAIT);
		assertThat(stock.reveal(order.orderNo())).containsExactly(newCode);
		assertThat(codeMessages(buyer, newCode)).hasSize(1);
		assertThat(stock.levels(sku).sold()).isEqualTo(1);
		assertThat(stock.levels(sku).available()).isZero();
	}

	@Test
	void theReplaceCommandDoesWhatTheButtonDoesAndOnlyForAdmins() throws InterruptedException {
		// In private chats with the bot: the group of this class is paced at 20 messages a minute.
		Sku sku = product("AS-CMD", 3);
		long buyer = 8641;
		Order order = deliveredOrder(sku, buyer);
		String oldCode = stock.reveal(order.orderNo()).get(0);
		reportProblem(order, buyer, "提示已被使用");

		say(STRANGER, STRANGER, "/replace " + order.orderNo());
		telegram.awaitCall("sendMessage", c -> chat(c, STRANGER) && c.param("text").contains("没有看懂"), WAIT);
		assertThat(stock.reveal(order.orderNo())).containsExactly(oldCode);

		say(ADMIN, ADMIN, "/replace");
		telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains("用法：/replace"), WAIT);
		say(ADMIN, ADMIN, "/replace " + order.orderNo().toLowerCase(java.util.Locale.ROOT));
		telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains("新卡密已发送")
				&& c.param("text").contains(order.orderNo()), WAIT);
		List<String> now = stock.reveal(order.orderNo());
		assertThat(now).hasSize(1).doesNotContain(oldCode);
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains(now.get(0)), WAIT);

		say(ADMIN, ADMIN, "/replace " + order.orderNo());
		telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains("没有待处理"), WAIT);
		assertThat(stock.reveal(order.orderNo())).isEqualTo(now);
		assertThat(codeMessages(buyer, now.get(0))).hasSize(1);
	}

	@Test
	void refundReturnsTheStarsAndTellsTheBuyer() throws InterruptedException {
		registerGroup();
		Sku sku = product("AS-REFUND", 2);
		long buyer = 8631;
		Order order = deliveredOrder(sku, buyer);
		reportProblem(order, buyer, "不能用");
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains(order.orderNo()), WAIT);

		press(STRANGER, "adm:REFUND:" + order.orderNo());
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("只有管理员"), WAIT);
		assertThat(telegram.calls("refundStarPayment")).noneMatch(c -> charge(order).equals(
				c.param("telegram_payment_charge_id")));

		press(ADMIN, "adm:REFUND:" + order.orderNo());
		press(ADMIN, "adm:REFUND:" + order.orderNo());
		FakeBotApi.Call refund = telegram.awaitCall("refundStarPayment",
				c -> charge(order).equals(c.param("telegram_payment_charge_id")), WAIT);
		assertThat(refund.param("user_id")).isEqualTo(String.valueOf(buyer));
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains("已退款"), WAIT);
		awaitCount(() -> orders.find(order.orderNo()).orElseThrow().status() == OrderStatus.REFUNDED ? 1 : 0, 1);
		// The second press's own answer: once it is there, a second refund it caused would have been asked first.
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains(order.orderNo())
				&& (c.param("text").contains("已经退过款") || c.param("text").contains("没有待处理")), WAIT);
		assertThat(telegram.calls("refundStarPayment"))
			.filteredOn(c -> charge(order).equals(c.param("telegram_payment_charge_id"))).hasSize(1);
		assertThat(buyerTexts(buyer, "已退款")).hasSize(1);
	}

	@Test
	void theRefundButtonOfABackOrderAlertRefundsItAndEveryRefundIsAudited() throws InterruptedException {
		Sku sku = product("AS-BACK", 1);
		long late = 8651;
		long other = 8652;
		Order waiting = orders.place(customer(late), sku, 1);
		stock.release(waiting.orderNo()); // its reservation lapsed, and someone else bought the last code
		orders.place(customer(other), sku, 1);
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), late, late, "XTR", waiting.totalStars(),
				waiting.orderNo(), charge(waiting)));
		awaitCount(() -> orders.find(waiting.orderNo()).orElseThrow().status() == OrderStatus.AWAITING_STOCK ? 1 : 0,
				1);
		AlertAction refund = new AlertAction(AlertAction.Verb.REFUND, waiting.orderNo());
		awaitCount(() -> (int) alerts.recent(200).stream()
			.filter(a -> a.type() == AlertType.DELIVERY_FAILED && a.actions().contains(refund))
			.count(), 1);

		press(ADMIN, ADMIN, "adm:REFUND:" + waiting.orderNo());
		telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains("已退款")
				&& c.param("text").contains(waiting.orderNo()), WAIT);
		telegram.awaitCall("refundStarPayment", c -> charge(waiting).equals(c.param("telegram_payment_charge_id")),
				WAIT);
		telegram.awaitCall("sendMessage", c -> chat(c, late) && c.param("text").contains("已退款"), WAIT);
		assertThat(orders.find(waiting.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);

		press(ADMIN, ADMIN, "adm:REFUND:" + waiting.orderNo());
		telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains("已经退过款"), WAIT);
		assertThat(audit.read("order.refund", waiting.orderNo(), null, 10)).singleElement()
			.satisfies(entry -> assertThat(entry.actor()).contains(String.valueOf(ADMIN)));
		assertThat(buyerTexts(late, "已退款")).hasSize(1);
	}

	@Test
	void aSecondChargeTelegramWouldNotRefundWaitsForTheRefundButtonOfItsAlert() {
		registerGroup();
		Sku sku = product("AS-SECOND", 2);
		long buyer = 8671;
		Order order = deliveredOrder(sku, buyer);
		String second = "second-" + charge(order);
		telegram.failNext("refundStarPayment", 1, 500, null);
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), buyer, buyer, "XTR", order.totalStars(),
				order.orderNo(), second));

		awaitCount(() -> unmatchedAlerts(order).size(), 1);
		AlertAction button = unmatchedAlerts(order).get(0).actions().get(0);
		assertThat(button.verb()).isEqualTo(AlertAction.Verb.REFUND_PAYMENT);
		String ref = button.arg();
		// Alone it carries the button; in a digest with other alerts, its line.
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains(order.orderNo())
				&& c.param("text").contains(ref), WAIT);
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains("将为您退回")
				&& c.param("text").contains(order.orderNo()), WAIT);

		press(ADMIN, ADMIN, "adm:REFUND_PAYMENT:" + ref);
		telegram.awaitCall("refundStarPayment",
				c -> !c.failed() && second.equals(c.param("telegram_payment_charge_id")), WAIT);
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains("已原路退回"), WAIT);
		telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains("付款 " + ref + " 已退款"),
				WAIT);
		press(ADMIN, ADMIN, "adm:REFUND_PAYMENT:" + ref);
		telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains("付款 " + ref + " 已经退过款"),
				WAIT);

		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(telegram.calls("refundStarPayment"))
			.noneMatch(c -> charge(order).equals(c.param("telegram_payment_charge_id")));
		assertThat(buyerTexts(buyer, "已原路退回")).hasSize(1);
		assertThat(audit.read("payment.refund", order.orderNo(), null, 10)).singleElement()
			.satisfies(entry -> assertThat(entry.actor()).contains(String.valueOf(ADMIN)));
	}

	@Test
	void theResendButtonSendsTheCodesAgain() throws InterruptedException {
		Sku sku = product("AS-RESEND", 2);
		long buyer = 8661;
		Order order = deliveredOrder(sku, buyer);
		String code = stock.reveal(order.orderNo()).get(0);

		press(STRANGER, STRANGER, "adm:RESEND:" + order.orderNo());
		telegram.awaitCall("sendMessage", c -> chat(c, STRANGER) && c.param("text").contains("只有管理员"), WAIT);
		press(ADMIN, ADMIN, "adm:RESEND:" + order.orderNo());
		telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains("正在重新发送"), WAIT);
		awaitCount(() -> codeMessages(buyer, code).size(), 2);
		assertThat(audit.read("order.resend", order.orderNo(), null, 10)).singleElement()
			.satisfies(entry -> assertThat(entry.actor()).contains(String.valueOf(ADMIN)));
	}

	/** An order paid in Stars through Telegram and delivered to the buyer's chat. */
	private Order deliveredOrder(Sku sku, long buyer) {
		Order order = orders.place(customer(buyer), sku, 1);
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), buyer, buyer, "XTR", order.totalStars(),
				order.orderNo(), charge(order)));
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && "true".equals(c.param("protect_content"))
				&& c.param("text").contains(order.orderNo()), WAIT);
		awaitCount(() -> orders.find(order.orderNo()).orElseThrow().status() == OrderStatus.DELIVERED ? 1 : 0, 1);
		return order;
	}

	/** The buyer sends {@code /problem} for the order and is told the shop has it. */
	private void reportProblem(Order order, long buyer, String reason) {
		say(buyer, buyer, "/problem " + order.orderNo() + " " + reason);
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains("已收到")
				&& c.param("text").contains(order.orderNo()), WAIT);
	}

	private List<Alert> unmatchedAlerts(Order order) {
		return alerts.recent(200).stream()
			.filter(a -> a.type() == AlertType.PAYMENT_UNMATCHED && a.arg(0).equals(order.orderNo()))
			.toList();
	}

	private static String charge(Order order) {
		return "charge-" + order.orderNo();
	}

	private List<FakeBotApi.Call> codeMessages(long buyer, String code) {
		return telegram.calls("sendMessage").stream()
			.filter(c -> chat(c, buyer) && !c.failed() && "true".equals(c.param("protect_content"))
					&& c.param("text").contains(code))
			.toList();
	}

	private List<FakeBotApi.Call> buyerTexts(long buyer, String containing) {
		return telegram.calls("sendMessage").stream()
			.filter(c -> chat(c, buyer) && !c.failed() && c.param("text").contains(containing))
			.toList();
	}

	private synchronized void registerGroup() {
		if (registered) {
			return;
		}
		say(GROUP, ADMIN, "/admin_register");
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("管理群"), WAIT);
		registered = true;
	}

	private static void press(long user, String data) {
		press(GROUP, user, data);
	}

	private static void press(long chat, long user, String data) {
		telegram.push(telegram.callback(updates.incrementAndGet(), chat, user, data, 1));
	}

	private static void awaitCount(IntSupplier count, int expected) {
		Awaitility.await().atMost(WAIT).until(count::getAsInt, greaterThanOrEqualTo(expected));
		assertThat(count.getAsInt()).isEqualTo(expected);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private Sku product(String name, int codes) {
		Sku sku = new Sku(name);
		catalog.save(sku, new ProductDraft(name + " 商品", "desc", null, 990L, 10L, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(name + "-CODE", codes)), "test");
		return sku;
	}

	private String customer(long chat) {
		return customers.identify(new ChannelIdentity("telegram", String.valueOf(chat))).id();
	}

	private boolean inGroup(FakeBotApi.Call call) {
		return chat(call, GROUP);
	}

	private static void say(long chat, long user, String text) {
		telegram.push(telegram.message(updates.incrementAndGet(), chat, user, text));
	}

	private static boolean chat(FakeBotApi.Call call, long chat) {
		return String.valueOf(chat).equals(call.param("chat_id"));
	}
}
