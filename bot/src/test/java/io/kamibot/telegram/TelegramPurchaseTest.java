package io.kamibot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.kamibot.alerts.AlertType;
import io.kamibot.catalog.Catalog;
import io.kamibot.conversation.Reply;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;

/**
 * Purchases in Telegram through the real TelegramBots client (long polling) against a fake Bot API on loopback.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
class TelegramPurchaseTest {

	private static final String TOKEN = "123456:TEST-TOKEN";
	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final FakeBotApi telegram = new FakeBotApi(TOKEN);
	private static final AtomicLong updates = new AtomicLong(1000);
	private static final long ADMIN = 9001;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) throws IOException {
		telegram.start();
		registry.add("kamibot.telegram.token", () -> TOKEN);
		registry.add("kamibot.telegram.api-url", telegram::url);
		registry.add("kamibot.telegram.poll-timeout", () -> "1s");
		registry.add("kamibot.admin.telegram-ids", () -> String.valueOf(ADMIN));
	}

	@AfterAll
	static void stop() {
		telegram.close();
	}

	@Test
	void buysWithStarsAndReceivesTheCodeInAProtectedMessage() {
		Sku sku = product("TG-STARS", "星卡会员 Stars card", 2, 50L);
		long chat = 7001;
		say(chat, "/start");
		assertThat(telegram.awaitCall("sendMessage", c -> chat(c, chat), WAIT).params().has("reply_markup")).isTrue();

		say(chat, "/buy " + sku + " 1");
		FakeBotApi.Call placed = telegram.awaitCall("sendMessage",
				c -> chat(c, chat) && c.param("text").matches("(?s).*K\\d{6}[A-Z0-9]{8}.*"), WAIT);
		String orderNo = placed.param("text").replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
		String buttons = placed.params().get("reply_markup").toString();
		assertThat(buttons).contains("pay:stars:" + orderNo).doesNotContain("sandbox").doesNotContain("wechat");

		press(chat, "pay:stars:" + orderNo);
		FakeBotApi.Call invoice = telegram.awaitCall("sendInvoice", c -> chat(c, chat), WAIT);
		assertThat(invoice.param("currency")).isEqualTo("XTR");
		assertThat(invoice.param("payload")).isEqualTo(orderNo);
		assertThat(invoice.param("provider_token")).isIn("", null);
		assertThat(invoice.params().get("prices")).hasSize(1);
		assertThat(invoice.params().get("prices").get(0).get("amount").asLong()).isEqualTo(50);

		long started = System.nanoTime();
		telegram.push(telegram.preCheckout(updates.incrementAndGet(), chat, "XTR", 50, orderNo));
		// Waits longer than Telegram does, so that a late answer fails the assertion below rather than the wait.
		FakeBotApi.Call answer = telegram.awaitCall("answerPreCheckoutQuery", c -> true, Duration.ofSeconds(30));
		assertThat(answer.param("ok")).isEqualTo("true");
		assertThat(Duration.ofNanos(answer.atNanos() - started)).as("Telegram drops a query not answered in 10 s")
			.isLessThan(Duration.ofSeconds(10));

		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), chat, chat, "XTR", 50, orderNo, "charge-1"));
		FakeBotApi.Call code = telegram.awaitCall("sendMessage",
				c -> chat(c, chat) && "true".equals(c.param("protect_content")), WAIT);
		List<String> delivered = stock.reveal(orderNo);
		assertThat(code.param("text")).contains(delivered.get(0));
		Eventually.orderStatus(orders, orderNo, OrderStatus.DELIVERED);
	}

	@Test
	void sendsTheCodesAgainWhenTheirMessageDidNotGetThrough() {
		Sku sku = product("TG-RETRY", "Retry", 1, 15L);
		long chat = 7013;
		Order order = orders.place(customer(chat), sku, 1);
		telegram.failNextForChat("sendMessage", String.valueOf(chat), 3, 0);
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), chat, chat, "XTR", 15, order.orderNo(),
				"charge-retry"));
		await().atMost(WAIT).until(() -> refusals(chat) >= 3);
		assertThat(refusals(chat)).as("the sender gave up").isEqualTo(3);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);

		clock.advance(Duration.ofMinutes(2));
		assertThat(deliveries.remindUnnotified()).isGreaterThanOrEqualTo(1);

		FakeBotApi.Call codes = telegram.awaitCall("sendMessage",
				c -> chat(c, chat) && !c.failed() && "true".equals(c.param("protect_content")), WAIT);
		assertThat(codes.param("text")).contains(stock.reveal(order.orderNo()).get(0));
		clock.advance(Duration.ofMinutes(2));
		deliveries.remindUnnotified();
		assertThat(telegram.calls("sendMessage").stream().filter(c -> chat(c, chat) && !c.failed())).hasSize(1);
	}

	@Autowired
	io.kamibot.delivery.Deliveries deliveries;

	@Autowired
	io.kamibot.testing.TestClock clock;

	@Test
	void theSamePaymentTwiceDeliversOneCode() {
		Sku sku = product("TG-TWICE", "Twice", 3, 10L);
		long chat = 7002;
		Order order = orders.place(customer(chat), sku, 1);
		long update = updates.incrementAndGet();
		telegram.push(telegram.successfulPayment(update, chat, chat, "XTR", 10, order.orderNo(), "charge-twice"));
		telegram.awaitCall("sendMessage", c -> chat(c, chat) && "true".equals(c.param("protect_content")), WAIT);

		// The same update again, and the same charge in a new update.
		telegram.push(telegram.successfulPayment(update, chat, chat, "XTR", 10, order.orderNo(), "charge-twice"));
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), chat, chat, "XTR", 10, order.orderNo(),
				"charge-twice"));
		say(chat, "/help");
		telegram.awaitCall("sendMessage", c -> chat(c, chat) && c.param("text").contains("/catalog"), WAIT);

		assertThat(telegram.calls("sendMessage").stream()
			.filter(c -> chat(c, chat) && "true".equals(c.param("protect_content")))).hasSize(1);
		assertThat(stock.levels(sku).sold()).isEqualTo(1);
	}

	@Test
	void aSecondStarsChargeForADeliveredOrderIsRefundedOnItsOwnAndTheBuyerToldOnce() {
		Sku sku = product("TG-SECOND", "Second charge", 2, 25L);
		long chat = 7015;
		Order order = orders.place(customer(chat), sku, 1);
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), chat, chat, "XTR", 25, order.orderNo(),
				"charge-second-A"));
		telegram.awaitCall("sendMessage", c -> chat(c, chat) && "true".equals(c.param("protect_content")), WAIT);

		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), chat, chat, "XTR", 25, order.orderNo(),
				"charge-second-B"));
		FakeBotApi.Call refund = telegram.awaitCall("refundStarPayment",
				c -> "charge-second-B".equals(c.param("telegram_payment_charge_id")), WAIT);
		assertThat(refund.param("user_id")).isEqualTo(String.valueOf(chat));
		FakeBotApi.Call told = telegram.awaitCall("sendMessage",
				c -> chat(c, chat) && c.param("text").contains("未被使用"), WAIT);
		assertThat(told.param("text")).contains(order.orderNo()).contains("25 ⭐").contains("该订单已付过款")
			.contains("原路退回");

		// Charge B once more, in a new update; then a message whose answer shows both were processed.
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), chat, chat, "XTR", 25, order.orderNo(),
				"charge-second-B"));
		say(chat, "/help");
		telegram.awaitCall("sendMessage", c -> chat(c, chat) && c.param("text").contains("/catalog"), WAIT);

		assertThat(telegram.calls("refundStarPayment"))
			.filteredOn(c -> c.param("telegram_payment_charge_id").startsWith("charge-second-"))
			.singleElement()
			.satisfies(c -> assertThat(c.param("telegram_payment_charge_id")).isEqualTo("charge-second-B"));
		assertThat(telegram.calls("sendMessage"))
			.filteredOn(c -> chat(c, chat) && c.param("text").contains("未被使用"))
			.hasSize(1);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(stock.levels(sku).sold()).isEqualTo(1);
		assertThat(alerts.recent(100)).filteredOn(a -> a.type() == AlertType.PAYMENT_UNMATCHED
				&& a.arg(0).equals(order.orderNo())).hasSize(1);
		assertThat(audit.read("payment.refund", order.orderNo(), null, 10)).hasSize(1);
	}

	@Test
	void aStarsRefundWhoseProcessDiedIsSettledWhenTelegramSaysTheChargeIsRefundedAlready() {
		Sku sku = product("TG-STUCK", "Stuck refund", 1, 12L);
		long chat = 7016;
		Order order = orders.place(customer(chat), sku, 1);
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), chat, chat, "XTR", 12, order.orderNo(),
				"charge-stuck"));
		telegram.awaitCall("sendMessage", c -> chat(c, chat) && "true".equals(c.param("protect_content")), WAIT);
		doAnswer(call -> {
			call.callRealMethod();
			throw new ProcessDied();
		}).when(stars).refund(any());
		assertThatThrownBy(() -> payments.refund(order.orderNo(), "telegram:" + ADMIN)).isInstanceOf(ProcessDied.class);
		doCallRealMethod().when(stars).refund(any());
		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isNotEqualTo(OrderStatus.REFUNDED);

		clock.advance(Duration.ofMinutes(6));
		assertThat(reconciliation.resolveStuckRefunds(Duration.ofMinutes(5), 100)).isGreaterThanOrEqualTo(1);

		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(telegram.calls("refundStarPayment"))
			.filteredOn(c -> "charge-stuck".equals(c.param("telegram_payment_charge_id")))
			.extracting(FakeBotApi.Call::failed)
			.as("refunded, then asked again and told CHARGE_ALREADY_REFUNDED")
			.containsExactly(false, true);
		telegram.awaitCall("sendMessage", c -> chat(c, chat) && c.param("text").contains("已退款")
				&& c.param("text").contains(order.orderNo()), WAIT);
	}

	/** What a process death looks like to the code under test: nothing catches it. */
	private static class ProcessDied extends Error {
	}

	@MockitoSpyBean
	StarsProvider stars;

	@Autowired
	io.kamibot.payment.Payments payments;

	@Autowired
	io.kamibot.payment.PaymentReconciliation reconciliation;

	@Autowired
	io.kamibot.alerts.Alerts alerts;

	@Autowired
	io.kamibot.audit.AuditLog audit;

	@Test
	void aWrongAmountDeliversNothingAndHoldsTheOrder() {
		Sku sku = product("TG-WRONG", "Wrong", 1, 30L);
		long chat = 7003;
		Order order = orders.place(customer(chat), sku, 1);
		telegram.push(telegram.preCheckout(updates.incrementAndGet(), chat, "XTR", 29, order.orderNo()));
		assertThat(telegram.awaitCall("answerPreCheckoutQuery", c -> "false".equals(c.param("ok")), WAIT)
			.param("error_message")).isNotBlank();

		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), chat, chat, "XTR", 29, order.orderNo(),
				"charge-wrong"));
		say(chat, "/help");
		telegram.awaitCall("sendMessage", c -> chat(c, chat) && c.param("text").contains("/catalog"), WAIT);

		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.UNDER_REVIEW);
		assertThat(stock.levels(sku).sold()).isZero();
	}

	@Test
	void answersPreCheckoutAheadOfABacklogOfSlowUpdates() {
		Sku sku = product("TG-BUSY", "Busy", 1, 5L);
		long chat = 7004;
		Order order = orders.place(customer(chat), sku, 1);
		telegram.delay("sendMessage", Duration.ofMillis(400));
		try {
			for (int i = 0; i < 30; i++) {
				say(7100 + i, "/help");
			}
			long started = System.nanoTime();
			telegram.push(telegram.preCheckout(updates.incrementAndGet(), chat, "XTR", 5, order.orderNo()));
			telegram.awaitCall("answerPreCheckoutQuery",
					c -> c.param("pre_checkout_query_id").equals("pcq-" + updates.get()), WAIT);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			System.out.println("pre-checkout answered behind 30 slow updates in " + took.toMillis() + " ms");
			assertThat(took).isLessThan(Duration.ofSeconds(5));
		}
		finally {
			telegram.delay("sendMessage", Duration.ZERO);
		}
	}

	@Test
	void neverOffersAnythingButStarsAndNothingForProductsWithoutAStarsPrice() {
		Sku sku = product("TG-NOSTARS", "No stars", 1, null);
		long chat = 7005;
		say(chat, "/buy " + sku + " 1");
		FakeBotApi.Call reply = telegram.awaitCall("sendMessage", c -> chat(c, chat), WAIT);
		assertThat(reply.params().has("reply_markup")).isFalse();
		assertThat(stock.levels(sku).available()).as("reservation released").isEqualTo(1);
	}

	@Test
	void anAdminRefundsAStarsPaymentOnceAndOthersCannot() {
		Sku sku = product("TG-REFUND", "Refundable", 1, 20L);
		long buyer = 7007;
		Order order = orders.place(customer(buyer), sku, 1);
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), buyer, buyer, "XTR", 20, order.orderNo(),
				"charge-refund"));
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && "true".equals(c.param("protect_content")), WAIT);

		say(buyer, "/refund " + order.orderNo());
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains("/catalog"), WAIT);
		assertThat(telegram.calls("refundStarPayment"))
			.noneMatch(c -> c.param("user_id").equals(String.valueOf(buyer)));

		say(ADMIN, "/refund " + order.orderNo());
		FakeBotApi.Call refund = telegram.awaitCall("refundStarPayment",
				c -> "charge-refund".equals(c.param("telegram_payment_charge_id")), WAIT);
		assertThat(refund.param("user_id")).isEqualTo(String.valueOf(buyer));
		assertThat(refund.param("telegram_payment_charge_id")).isEqualTo("charge-refund");
		telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains(order.orderNo()), WAIT);

		say(ADMIN, "/refund " + order.orderNo());
		telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains("已经退过款"), WAIT);
		assertThat(telegram.calls("refundStarPayment"))
			.filteredOn(c -> c.param("user_id").equals(String.valueOf(buyer)))
			.hasSize(1);
		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
	}

	@Test
	void keepsEveryCallbackDataWithinSixtyFourBytesAlsoForChineseProducts() {
		product("TG-ZH-LONG_SKU_NAME_0123456789AB", "超长中文商品名称月卡会员年卡季卡礼品卡点卡充值卡", 3, 99L);
		long chat = 7008;
		say(chat, "/catalog");
		FakeBotApi.Call catalogReply = telegram.awaitCall("sendMessage",
				c -> chat(c, chat) && c.params().has("reply_markup"), WAIT);
		press(chat, "p:TG-ZH-LONG_SKU_NAME_0123456789AB");
		telegram.awaitCall("sendMessage", c -> chat(c, chat) && c.param("text").contains("超长"), WAIT);
		press(chat, "q:TG-ZH-LONG_SKU_NAME_0123456789AB:2");
		telegram.awaitCall("sendMessage", c -> chat(c, chat) && c.param("text").matches("(?s).*K\\d{6}.*"), WAIT);

		assertThat(catalogReply.params().get("reply_markup").toString()).contains("TG-ZH-LONG_SKU_NAME_0123456789AB");
		List<String> data = telegram.calls("sendMessage").stream()
			.filter(c -> c.params().has("reply_markup"))
			.flatMap(c -> c.params().get("reply_markup").findValues("callback_data").stream())
			.map(node -> node.asText())
			.toList();
		assertThat(data).isNotEmpty()
			.allSatisfy(d -> assertThat(d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64));
	}

	@Test
	void aTooManyRequestsAnswerDelaysThatChatOnly() {
		long slow = 7010;
		long other = 7011;
		telegram.failNextForChat("sendMessage", String.valueOf(slow), 1, 2);
		long started = System.nanoTime();
		say(slow, "/help");
		say(other, "/help");

		FakeBotApi.Call otherReply = telegram.awaitCall("sendMessage", c -> chat(c, other) && !c.failed(), WAIT);
		FakeBotApi.Call slowReply = telegram.awaitCall("sendMessage", c -> chat(c, slow) && !c.failed(), WAIT);

		assertThat(Duration.ofNanos(otherReply.atNanos() - started)).isLessThan(Duration.ofMillis(1500));
		FakeBotApi.Call refused = telegram.calls("sendMessage").stream().filter(c -> chat(c, slow) && c.failed())
			.findFirst().orElseThrow();
		assertThat(Duration.ofNanos(slowReply.atNanos() - refused.atNanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(otherReply.atNanos()).isLessThan(slowReply.atNanos());
	}

	@Test
	void sendsAboutOneMessageASecondToAChatAfterAShortBurst() {
		long chat = 7012;
		for (int i = 0; i < 6; i++) {
			outbox.send(String.valueOf(chat), Reply.text("message " + i));
		}
		List<FakeBotApi.Call> sent = telegram.calls("sendMessage").stream().filter(c -> chat(c, chat)).toList();
		assertThat(sent).hasSize(6);
		Duration span = Duration.ofNanos(sent.get(5).atNanos() - sent.get(0).atNanos());
		assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
	}

	@Autowired
	TelegramOutbox outbox;

	@Test
	void confirmsEachUpdateToTelegramOnceItIsStored() {
		long chat = 7009;
		say(chat, "/help");
		long id = updates.get();
		telegram.awaitCall("sendMessage", c -> chat(c, chat), WAIT);
		await().atMost(WAIT).until(() -> telegram.confirmedOffset() > id);
		assertThat(telegram.pending()).isZero();
	}

	@Test
	void processesAnUpdateStoredBeforeACrashExactlyOnce() throws Exception {
		long chat = 7006;
		// As if consume() stored it and the process died before processing: nothing will poll it again.
		String update = "{\"update_id\":" + updates.incrementAndGet() + ",\"message\":{\"message_id\":1,\"date\":1,"
				+ "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"from\":{\"id\":" + chat
				+ ",\"is_bot\":false,\"first_name\":\"T\"},\"text\":\"/paysupport\"}}";
		assertThat(inbox.accept("telegram", String.valueOf(updates.get()), String.valueOf(chat), update)).isTrue();
		assertThat(inbox.accept("telegram", String.valueOf(updates.get()), String.valueOf(chat), update)).isFalse();

		FakeBotApi.Call answer = telegram.awaitCall("sendMessage", c -> chat(c, chat), WAIT);

		// A later update of the same chat is processed after anything stored before it: its answer is the marker.
		say(chat, "/help");
		FakeBotApi.Call marker = telegram.awaitCall("sendMessage",
				c -> chat(c, chat) && c.atNanos() > answer.atNanos(), WAIT);
		assertThat(marker.param("text")).contains("/catalog");
		assertThat(telegram.calls("sendMessage").stream().filter(c -> chat(c, chat))).containsExactly(answer, marker);
	}

	@Autowired
	io.kamibot.inbox.Inbox inbox;

	private Sku product(String name, String title, int codes, Long stars) {
		Sku sku = new Sku(name);
		catalog.save(sku, new ProductDraft(title, "desc", null, 990L, stars, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(name + "-CODE", codes)), "test");
		return sku;
	}

	@Autowired
	io.kamibot.customer.Customers customers;

	private String customer(long chat) {
		return customers.identify(new io.kamibot.customer.ChannelIdentity("telegram", String.valueOf(chat))).id();
	}

	private static void say(long chat, String text) {
		telegram.push(telegram.message(updates.incrementAndGet(), chat, chat, text));
	}

	private static void press(long chat, String data) {
		telegram.push(telegram.callback(updates.incrementAndGet(), chat, chat, data, 1));
	}

	private static long refusals(long chat) {
		return telegram.calls("sendMessage").stream().filter(c -> chat(c, chat) && c.failed()).count();
	}

	private static boolean chat(FakeBotApi.Call call, long chat) {
		return String.valueOf(chat).equals(call.param("chat_id"));
	}
}
