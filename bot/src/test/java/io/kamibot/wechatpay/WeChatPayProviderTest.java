package io.kamibot.wechatpay;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonObject;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentOutcome;
import io.kamibot.payment.PaymentReconciliation;
import io.kamibot.payment.Payments;
import io.kamibot.payment.RefundFailed;
import io.kamibot.payment.RefundOutcome;
import io.kamibot.payment.UnknownPaymentMethod;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * The WeChat Pay provider through the real WxJava client against {@link FakeWeChatPay}: Native orders, the order
 * query that recovers lost notifications, refunds.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
class WeChatPayProviderTest {

	private static final FakeWeChatPay wechatPay = new FakeWeChatPay();
	private static final Duration AGE = Duration.ofMinutes(3);
	private static final Duration STUCK = Duration.ofMinutes(5);
	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	PaymentReconciliation reconciliation;

	@Autowired
	Customers customers;

	@Autowired
	TestClock clock;

	@MockitoSpyBean
	WeChatPayProvider provider;

	@DynamicPropertySource
	static void wechatPay(DynamicPropertyRegistry registry) throws IOException {
		wechatPay.startFor(registry);
	}

	@AfterAll
	static void stop() {
		wechatPay.close();
	}

	@Test
	void startsANativePaymentAndShowsItsCodeUrl() {
		Order order = order(2, 1250);

		PaymentInstructions instructions = payments.start(order.orderNo(), order.customerId(), "wechatpay", "webchat");

		String codeUrl = wechatPay.codeUrl(order.orderNo()).orElseThrow();
		assertThat(instructions).isEqualTo(new PaymentInstructions.ScanQr(codeUrl));
		assertThat(codeUrl).startsWith("weixin://wxpay/bizpayurl?pr=");
		FakeWeChatPay.Call call = nativeCalls(order).get(0);
		assertThat(call.authorized()).as("signed with the merchant key").isTrue();
		JsonObject request = call.json();
		assertThat(request.get("mchid").getAsString()).isEqualTo(FakeWeChatPay.MCH_ID);
		assertThat(request.get("appid").getAsString()).isEqualTo(FakeWeChatPay.APP_ID);
		assertThat(request.getAsJsonObject("amount").get("total").getAsLong()).isEqualTo(2500);
		assertThat(request.getAsJsonObject("amount").get("currency").getAsString()).isEqualTo("CNY");
		assertThat(request.get("notify_url").getAsString()).isEqualTo(FakeWeChatPay.NOTIFY_URL);
		assertThat(OffsetDateTime.parse(request.get("time_expire").getAsString()).toInstant())
			.isEqualTo(order.payBefore().truncatedTo(ChronoUnit.SECONDS));
	}

	@Test
	void startingTwiceShowsTheSameCodeUrl() {
		Order order = order(1, 990);
		PaymentInstructions first = payments.start(order.orderNo(), order.customerId(), "wechatpay", "webchat");
		PaymentInstructions second = payments.start(order.orderNo(), order.customerId(), "wechatpay", "wechat");
		assertThat(second).isEqualTo(first);
		assertThat(nativeCalls(order)).hasSize(2);
	}

	@Test
	void isOfferedInWeChatAndTheWebChatButNeverInTelegram() {
		Order order = order(1, 990);
		assertThat(payments.methodsFor("wechat")).contains("wechatpay");
		assertThat(payments.methodsFor("webchat", order)).contains("wechatpay");
		assertThat(payments.methodsFor("telegram")).doesNotContain("wechatpay");
		assertThatThrownBy(() -> payments.start(order.orderNo(), order.customerId(), "wechatpay", "telegram"))
			.isInstanceOf(UnknownPaymentMethod.class);
		assertThat(nativeCalls(order)).isEmpty();
	}

	@Test
	void aRetriedRefundReusesItsRefundNumber() {
		Order order = order(1, 3000);
		payments.start(order.orderNo(), order.customerId(), "wechatpay", "webchat");
		String transactionId = wechatPay.markPaid(order.orderNo());
		assertThat(payments.confirm(new PaymentConfirmation("wechatpay", transactionId, order.orderNo(),
				Money.fen(3000)))).isEqualTo(PaymentOutcome.ACCEPTED);

		wechatPay.failNext("/v3/refund", 1, 500, "SYSTEM_ERROR");
		assertThatThrownBy(() -> payments.refund(order.orderNo(), "admin")).isInstanceOf(RefundFailed.class);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(payments.refund(order.orderNo(), "admin")).isEqualTo(RefundOutcome.REFUNDED);

		List<JsonObject> refunds = refundRequests(order);
		assertThat(refunds).hasSize(2);
		assertThat(refunds).extracting(r -> r.get("out_refund_no").getAsString()).containsOnly("R" + order.orderNo());
		assertThat(refunds).extracting(r -> r.get("transaction_id").getAsString()).containsOnly(transactionId);
		assertThat(refunds.get(1).getAsJsonObject("amount").get("refund").getAsLong()).isEqualTo(3000);
		assertThat(status(order)).isEqualTo(OrderStatus.REFUNDED);
	}

	@Test
	void findsAPaymentWhoseNotificationWasLostOnceItIsOldEnough() {
		Order order = order(1, 1800);
		payments.start(order.orderNo(), order.customerId(), "wechatpay", "webchat");
		wechatPay.markPaid(order.orderNo());

		reconciliation.reconcile(AGE, 100);
		assertThat(status(order)).as("not before the age").isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(queries(order)).isZero();

		clock.advance(AGE.plusSeconds(1));
		assertThat(reconciliation.reconcile(AGE, 100)).isGreaterThanOrEqualTo(1);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(stock.levels(order.productSku()).sold()).isEqualTo(1);
		assertThat(wechatPay.calls("/v3/pay/transactions/out-trade-no/" + order.orderNo()).get(0).query())
			.isEqualTo("mchid=" + FakeWeChatPay.MCH_ID);
	}

	@Test
	void leavesAnOrderNobodyPaidAwaitingPayment() {
		Order order = order(1, 700);
		payments.start(order.orderNo(), order.customerId(), "wechatpay", "webchat");
		clock.advance(AGE.plusSeconds(1));

		reconciliation.reconcile(AGE, 100);

		assertThat(queries(order)).isEqualTo(1);
		assertThat(status(order)).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(stock.levels(order.productSku()).reserved()).isEqualTo(1);
	}

	@Test
	void settlesARefundWhoseProcessDiedAfterWeChatPayTookItByAskingWeChatPay() {
		Order order = paidOrder(2000);
		doAnswer(call -> {
			call.callRealMethod();
			throw new ProcessDied();
		}).when(provider).refund(any());
		assertThatThrownBy(() -> payments.refund(order.orderNo(), "admin")).isInstanceOf(ProcessDied.class);
		doCallRealMethod().when(provider).refund(any());
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);

		clock.advance(STUCK.plusSeconds(1));
		assertThat(reconciliation.resolveStuckRefunds(STUCK, 100)).isGreaterThanOrEqualTo(1);

		assertThat(status(order)).isEqualTo(OrderStatus.REFUNDED);
		assertThat(wechatPay.calls("/v3/refund/domestic/refunds/R" + order.orderNo())).singleElement()
			.satisfies(query -> assertThat(query.method()).isEqualTo("GET"));
		assertThat(refundRequests(order)).as("asked once, found done").hasSize(1);
	}

	@Test
	void aStuckRefundWeChatPayNeverReceivedIsRequestedAgainWithTheSameNumber() {
		Order order = paidOrder(2100);
		doThrow(new ProcessDied()).when(provider).refund(any());
		assertThatThrownBy(() -> payments.refund(order.orderNo(), "admin")).isInstanceOf(ProcessDied.class);
		doCallRealMethod().when(provider).refund(any());

		clock.advance(STUCK.plusSeconds(1));
		assertThat(reconciliation.resolveStuckRefunds(STUCK, 100)).isGreaterThanOrEqualTo(1);

		assertThat(status(order)).isEqualTo(OrderStatus.REFUNDED);
		assertThat(refundRequests(order)).singleElement()
			.satisfies(refund -> assertThat(refund.get("out_refund_no").getAsString())
				.isEqualTo("R" + order.orderNo()));
	}

	/** What a process death looks like to the code under test: nothing catches it. */
	private static class ProcessDied extends Error {
	}

	private Order paidOrder(long priceFen) {
		Order order = order(1, priceFen);
		payments.start(order.orderNo(), order.customerId(), "wechatpay", "webchat");
		String transactionId = wechatPay.markPaid(order.orderNo());
		assertThat(payments.confirm(new PaymentConfirmation("wechatpay", transactionId, order.orderNo(),
				Money.fen(priceFen)))).isEqualTo(PaymentOutcome.ACCEPTED);
		return order;
	}

	private List<JsonObject> refundRequests(Order order) {
		return wechatPay.calls("/v3/refund/domestic/refunds").stream()
			.filter(c -> c.method().equals("POST"))
			.map(FakeWeChatPay.Call::json)
			.filter(r -> r.get("out_refund_no").getAsString().startsWith("R" + order.orderNo()))
			.toList();
	}

	private Order order(int quantity, long priceFen) {
		Sku sku = new Sku("WXP-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("微信支付测试 " + sku.value(), null, null, priceFen, null, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), quantity + 1)), "test");
		String customer = customers.identify(new ChannelIdentity("webchat", "wxp-chat-" + sku.value())).id();
		return orders.place(customer, sku, quantity);
	}

	private List<FakeWeChatPay.Call> nativeCalls(Order order) {
		return wechatPay.calls("/v3/pay/transactions/native").stream()
			.filter(c -> c.json().get("out_trade_no").getAsString().equals(order.orderNo()))
			.toList();
	}

	private long queries(Order order) {
		return wechatPay.calls("/v3/pay/transactions/out-trade-no/" + order.orderNo()).size();
	}

	private OrderStatus status(Order order) {
		return orders.find(order.orderNo()).orElseThrow().status();
	}
}
