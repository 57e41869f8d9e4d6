package io.kamibot.wechatpay;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonObject;
import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.mailbox.Mailbox;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.Payments;
import io.kamibot.payment.RefundOutcome;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.InMemoryMongo;
import io.kamibot.testing.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import testing.kamibot.CoreTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code POST /wechat/pay/notify} over HTTP with notifications {@link FakeWeChatPay} signs and encrypts like WeChat
 * Pay. Every notification is stamped with the application's clock (a {@link TestClock}), which some tests move.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InMemoryMongo.class)
@DirtiesContext
@Timeout(120)
class WeChatPayNotifyTest {

	private static final FakeWeChatPay wechatPay = new FakeWeChatPay();
	private static final AtomicInteger next = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@MockitoSpyBean
	Payments payments;

	@Autowired
	Customers customers;

	@Autowired
	Mailbox mailbox;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	@Autowired
	Alerts alerts;

	@Autowired
	AuditLog audit;

	@DynamicPropertySource
	static void wechatPay(DynamicPropertyRegistry registry) throws IOException {
		wechatPay.startFor(registry);
	}

	@AfterAll
	static void stop() {
		wechatPay.close();
	}

	@Test
	void aValidNotificationPaysTheOrderAndDeliversTheCode() {
		Order order = startedOrder(1);

		assertThat(notify(order).send(endpoint())).isEqualTo(204);

		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(deliveredCodes(order)).isEqualTo(1);
	}

	@Test
	void rejectsNotificationsNotProvenToComeFromWeChatPayAndChangesNothing() {
		Order order = startedOrder(1);
		long total = order.totalFen();
		List<FakeWeChatPay.Notify> forged = List.of(
				wechatPay.notify(order.orderNo(), total).at(clock.instant()).badSignature().build(),
				wechatPay.notify(order.orderNo(), total).at(clock.instant()).signTest().build(),
				wechatPay.notify(order.orderNo(), total).at(clock.instant()).serial("PUB_KEY_ID_0000000000").build(),
				wechatPay.notify(order.orderNo(), total).at(clock.instant().minus(Duration.ofMinutes(6))).build(),
				wechatPay.notify(order.orderNo(), total).at(clock.instant().plus(Duration.ofMinutes(6))).build(),
				notify(order).without("Wechatpay-Timestamp"), notify(order).without("Wechatpay-Nonce"),
				notify(order).without("Wechatpay-Signature"), notify(order).without("Wechatpay-Serial"));

		for (FakeWeChatPay.Notify notify : forged) {
			HttpResponse<String> response = notify.sendForBody(endpoint());
			assertThat(response.statusCode()).as(notify.headers().toString()).isEqualTo(401);
			assertThat(response.body()).contains("\"code\":\"FAIL\"").contains("\"message\":");
		}

		assertThat(status(order)).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(recordedPayments(order)).isZero();
	}

	@Test
	void judgesTheTimestampByTheApplicationClock() {
		Order order = startedOrder(1);
		Instant realNow = Instant.now();
		clock.advance(Duration.ofMinutes(10));

		FakeWeChatPay.Notify stampedByTheRealClock = wechatPay.notify(order.orderNo(), order.totalFen()).at(realNow).build();
		assertThat(stampedByTheRealClock.send(endpoint())).isEqualTo(401);
		assertThat(recordedPayments(order)).isZero();
		assertThat(notify(order).send(endpoint())).isEqualTo(204);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
	}

	@Test
	void holdsAPaymentOfTheWrongAmountDeliversNothingAndStopsTheRetries() {
		Order order = startedOrder(1);

		assertThat(wechatPay.notify(order.orderNo(), order.totalFen() - 1).at(clock.instant()).build().send(endpoint()))
			.isEqualTo(204);

		assertThat(status(order)).isEqualTo(OrderStatus.UNDER_REVIEW);
		assertThat(recordedPayments(order)).isEqualTo(1);
		assertThat(stock.levels(order.productSku()).sold()).isZero();
		assertThat(deliveredCodes(order)).isZero();
	}

	@Test
	void rejectsAPaymentForAnotherMerchantOrAppId() {
		Order order = startedOrder(1);
		FakeWeChatPay.Notify otherMerchant = wechatPay.notify(order.orderNo(), order.totalFen()).at(clock.instant())
			.mchid("1900000001").build();
		FakeWeChatPay.Notify otherApp = wechatPay.notify(order.orderNo(), order.totalFen()).at(clock.instant())
			.appid("wx0000000000000000").build();

		assertThat(otherMerchant.sendForBody(endpoint()).statusCode()).isEqualTo(400);
		assertThat(otherApp.sendForBody(endpoint()).body()).contains("\"code\":\"FAIL\"");

		assertThat(status(order)).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(recordedPayments(order)).isZero();
	}

	@Test
	void aDatabaseOutageAnswersFailSoWeChatPayRetriesAndTheRetryDelivers() {
		Order order = startedOrder(1);
		FakeWeChatPay.Notify notify = notify(order);
		doThrow(new DataAccessResourceFailureException("MongoDB is unreachable")).doCallRealMethod()
			.when(payments)
			.confirm(argThat(c -> c.orderNo().equals(order.orderNo())));

		HttpResponse<String> outage = notify.sendForBody(endpoint());
		assertThat(outage.statusCode()).isEqualTo(500);
		assertThat(outage.body()).contains("\"code\":\"FAIL\"").doesNotContain("MongoDB");
		assertThat(status(order)).isEqualTo(OrderStatus.AWAITING_PAYMENT);

		assertThat(notify.send(endpoint())).as("WeChat Pay's retry").isEqualTo(204);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(recordedPayments(order)).isEqualTo(1);
		assertThat(deliveredCodes(order)).isEqualTo(1);
	}

	@Test
	void ignoresATransactionThatDidNotSucceed() {
		Order order = startedOrder(1);
		assertThat(wechatPay.notify(order.orderNo(), order.totalFen()).at(clock.instant()).tradeState("PAYERROR")
			.build()
			.send(endpoint())).isEqualTo(204);
		assertThat(status(order)).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(recordedPayments(order)).isZero();
	}

	@Test
	void theSameNotificationSentConcurrentlyDeliversOnceAndIsAnsweredNoContentEveryTime() throws Exception {
		Order order = startedOrder(2);
		FakeWeChatPay.Notify notify = notify(order);
		int senders = 6;
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < senders; i++) {
				Callable<Integer> send = () -> {
					go.await();
					return notify.send(endpoint());
				};
				answers.add(pool.submit(send));
			}
			go.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(204);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(notify.send(endpoint())).as("and once more, later").isEqualTo(204);

		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(recordedPayments(order)).isEqualTo(1);
		assertThat(stock.levels(order.productSku()).sold()).isEqualTo(2);
		assertThat(deliveredCodes(order)).isEqualTo(1);
	}

	@Test
	void aPaymentForACancelledOrderIsRefundedAtOnceAndTheBuyerToldOnceHoweverOftenItIsNotified() {
		Order order = startedOrder(1);
		orders.cancel(order.orderNo(), order.customerId());
		FakeWeChatPay.Notify notify = notify(order);

		assertThat(notify.send(endpoint())).isEqualTo(204);
		assertThat(notify.send(endpoint())).as("WeChat Pay sends it again").isEqualTo(204);

		assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
		assertThat(stock.levels(order.productSku()).sold()).isZero();
		assertThat(refundsOf(wechatPay.transactionIdOf(order.orderNo()))).singleElement().satisfies(refund -> {
			assertThat(refund.get("out_refund_no").getAsString()).matches("R" + order.orderNo() + "-P[A-Z2-7]{10}");
			assertThat(refund.getAsJsonObject("amount").get("refund").getAsLong()).isEqualTo(1990);
			assertThat(refund.getAsJsonObject("amount").get("total").getAsLong()).isEqualTo(1990);
		});
		assertThat(mailbox.take("webchat", chat(order.productSku()), 50)).singleElement()
			.satisfies(told -> assertThat(told).contains(order.orderNo()).contains("¥19.90").contains("该订单已取消")
				.contains("原路退回"));
		assertThat(unmatchedAlerts(order)).singleElement()
			.satisfies(alert -> assertThat(alert.arg(5)).isEqualTo("true"));
		assertThat(audit.read("payment.refund", order.orderNo(), null, 10)).hasSize(1);
	}

	@Test
	void aSecondTransactionForAPaidOrderIsRefundedOnItsOwnAndTheOrderStaysDelivered() {
		Order order = startedOrder(1);
		assertThat(notify(order).send(endpoint())).isEqualTo(204);
		String first = wechatPay.transactionIdOf(order.orderNo());
		String second = "4201" + first.substring(4);

		assertThat(wechatPay.notify(order.orderNo(), order.totalFen()).at(clock.instant()).transactionId(second).build()
			.send(endpoint())).isEqualTo(204);

		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(refundsOf(second)).hasSize(1);
		assertThat(refundsOf(first)).isEmpty();
		assertThat(unmatchedAlerts(order)).hasSize(1);

		assertThat(payments.refund(order.orderNo(), "admin-api")).isEqualTo(RefundOutcome.REFUNDED);
		assertThat(refundsOf(first)).singleElement()
			.satisfies(refund -> assertThat(refund.get("out_refund_no").getAsString())
				.isEqualTo("R" + order.orderNo()));
		assertThat(refundsOf(second)).hasSize(1);
	}

	/** The refunds WeChat Pay was asked for, of one transaction. */
	private List<JsonObject> refundsOf(String transactionId) {
		return wechatPay.calls("/v3/refund/domestic/refunds").stream()
			.filter(c -> c.method().equals("POST"))
			.map(FakeWeChatPay.Call::json)
			.filter(r -> r.get("transaction_id").getAsString().equals(transactionId))
			.toList();
	}

	private List<Alert> unmatchedAlerts(Order order) {
		return alerts.recent(200).stream()
			.filter(a -> a.type() == AlertType.PAYMENT_UNMATCHED && a.arg(0).equals(order.orderNo()))
			.toList();
	}

	private FakeWeChatPay.Notify notify(Order order) {
		return wechatPay.notify(order.orderNo(), order.totalFen()).at(clock.instant()).build();
	}

	private Order startedOrder(int quantity) {
		Sku sku = new Sku("WXN-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("Notify " + sku.value(), null, null, 1990L, null, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), quantity + 1)), "test");
		String customer = customers.identify(new ChannelIdentity("webchat", chat(sku))).id();
		Order order = orders.place(customer, sku, quantity);
		payments.start(order.orderNo(), customer, WeChatPayProvider.ID, "webchat");
		return order;
	}

	/** How many messages with the order's codes reached the buyer's web chat. */
	/**
	 * The buyer's messages that carry the order's codes. The message is written by a listener after the order is
	 * delivered, so when there are codes this waits for the first such message, keeping every message it took.
	 */
	private int deliveredCodes(Order order) {
		List<String> codes = stock.reveal(order.orderNo());
		List<String> messages = new ArrayList<>(mailbox.take("webchat", chat(order.productSku()), 50));
		if (!codes.isEmpty()) {
			Awaitility.await("a message with the codes of " + order.orderNo())
				.atMost(Duration.ofSeconds(10))
				.until(() -> {
					messages.addAll(mailbox.take("webchat", chat(order.productSku()), 50));
					return messages.stream().anyMatch(m -> codes.stream().allMatch(m::contains));
				});
		}
		return (int) messages.stream()
			.filter(m -> !codes.isEmpty() && codes.stream().allMatch(m::contains))
			.count();
	}

	private long recordedPayments(Order order) {
		return mongo.count(Query.query(where("orderNo").is(order.orderNo())), "payments");
	}

	private OrderStatus status(Order order) {
		return orders.find(order.orderNo()).orElseThrow().status();
	}

	private static String chat(Sku sku) {
		return "wxn-chat-" + sku.value();
	}

	private String endpoint() {
		return "http://127.0.0.1:" + port + "/wechat/pay/notify";
	}
}
