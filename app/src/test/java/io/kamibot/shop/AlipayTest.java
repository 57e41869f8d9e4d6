package io.kamibot.shop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kamibot.alipay.FakeAlipay;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentReconciliation;
import io.kamibot.payment.Payments;
import io.kamibot.testing.Codes;
import io.kamibot.testing.TestRedis;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import static io.kamibot.shop.ShopClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alipay as a buyer meets it in the web chat, against a fake Alipay gateway that signs and checks like Alipay: the QR
 * code, the notification that delivers the codes in the chat and by email, forged and repeated notifications, the
 * query that recovers a lost notification, and refunds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/alipay", "kamibot.admin.api-token=" + AlipayTest.TOKEN,
		"kamibot.demo.enabled=false", "kamibot.mail.host=127.0.0.1", "kamibot.mail.from=Kamibot <shop@kamibot.test>",
		"kamibot.mail.starttls=false", "kamibot.mail.public-url=https://shop.kamibot.test/",
		// Here, not with the fake's other settings: the shop decides on its sandbox before those are known.
		"kamibot.alipay.app-id=" + FakeAlipay.APP_ID })
@ExtendWith(OutputCaptureExtension.class)
@Timeout(120)
class AlipayTest {

	static final String TOKEN = "alipay-test-admin-token-0123456789";
	private static final String NOTIFY_URL = "https://shop.kamibot.test/alipay/notify";
	private static final Duration WAIT = Duration.ofSeconds(20);
	private static final Pattern ORDER = Pattern.compile("K\\d{6}[A-Z0-9]{8}");
	private static final Pattern CONFIRM = Pattern.compile("https://shop\\.kamibot\\.test(/email/confirm\\?t=[A-Za-z0-9_-]+)");
	private static final FakeAlipay alipay = new FakeAlipay();
	private static final FakeSmtp smtp = new FakeSmtp();

	@LocalServerPort
	int port;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	PaymentReconciliation reconciliation;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/test-data/alipay"));
	}

	@AfterAll
	static void stop() throws IOException {
		alipay.close();
		smtp.close();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
		registry.add("kamibot.mail.port", smtp::port);
		alipay.settings(NOTIFY_URL).forEach((name, value) -> registry.add(name, () -> value));
	}

	@Test
	void aBuyerPaysByAlipayAndGetsTheCodesInTheChatAndByEmail(CapturedOutput output) throws InterruptedException {
		ShopClient shop = shop("ALI-1", 125);
		String chat = "alipay-buyer";
		confirmEmail(shop, chat, "alipay-buyer@example.com");

		JsonNode placed = shop.say(chat, "/buy ALI-1 2");
		String orderNo = orderNo(placed);
		assertThat(ShopClient.buttons(placed)).as("Alipay is offered, the sandbox is off with a real provider")
			.contains("pay:alipay:" + orderNo)
			.noneMatch(button -> button.startsWith("pay:sandbox"));
		JsonNode qr = shop.press(chat, "pay:alipay:" + orderNo);
		String qrCode = alipay.trade(orderNo).orElseThrow().qrCode();
		assertThat(text(qr)).contains("支付宝", orderNo, qrCode);
		assertThat(qr.get("replies").get(0).get("qr").asString()).startsWith("data:image/png;base64,");
		assertThat(text(shop.press(chat, "pay:alipay:" + orderNo))).as("the same QR code again").contains(qrCode);

		List<FakeAlipay.Call> precreates = alipay.calls("alipay.trade.precreate")
			.stream()
			.filter(call -> orderNo.equals(call.biz().get("out_trade_no").getAsString()))
			.toList();
		assertThat(precreates).allMatch(FakeAlipay.Call::signed).hasSize(2);
		assertThat(precreates.get(0).biz().get("total_amount").getAsString()).isEqualTo("2.50");
		assertThat(precreates.get(0).biz().get("seller_id").getAsString()).isEqualTo(FakeAlipay.SELLER_ID);
		assertThat(alipay.trade(orderNo).orElseThrow().timeExpire()).as("expires with the reservation, Beijing time")
			.isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
				.withZone(ZoneId.of("Asia/Shanghai"))
				.format(orders.find(orderNo).orElseThrow().payBefore()));

		alipay.pay(orderNo);
		assertThat(alipay.notification(orderNo).send(notifyUrl())).isEqualTo("success");
		List<String> codes = ShopClient.codes(shop.awaitCodes(chat)).valueStream().map(JsonNode::asString).toList();
		assertThat(codes).hasSize(2);
		FakeSmtp.Mail mail = smtp.next(WAIT);
		assertThat(mail.subject()).contains(orderNo);
		assertThat(mail.plain()).contains(codes);
		assertThat(output.getAll()).as("codes are never logged").doesNotContain(codes);
	}

	@Test
	void aForgedOrTamperedNotificationChangesNothingAndARepeatedOnePaysOnce() throws Exception {
		ShopClient shop = shop("ALI-2", 100);
		String chat = "alipay-forged";
		String orderNo = orderNo(shop.say(chat, "/buy ALI-2 1"));
		shop.press(chat, "pay:alipay:" + orderNo);
		alipay.pay(orderNo);
		FakeAlipay.Notify genuine = alipay.notification(orderNo);

		List<FakeAlipay.Notify> forged = List.of(genuine.signedWith(FakeAlipay.forgersKey()),
				genuine.with("total_amount", "0.01"), genuine.with("out_trade_no", "K000000AAAAAAAA"),
				genuine.with("sign", ""),
				genuine.with("app_id", "2021000000000001").signedWith(alipay.alipayKey()),
				genuine.with("seller_id", "2088000000000001").signedWith(alipay.alipayKey()),
				genuine.with("total_amount", "1.2345").signedWith(alipay.alipayKey()));
		for (FakeAlipay.Notify notify : forged) {
			assertThat(notify.send(notifyUrl())).isEqualTo("fail");
		}
		assertThat(orders.find(orderNo).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<String>> sends = Collections.nCopies(4, () -> genuine.send(notifyUrl()));
			for (Future<String> answer : pool.invokeAll(sends)) {
				assertThat(answer.get()).isEqualTo("success");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(genuine.send(notifyUrl())).as("and once more, later").isEqualTo("success");
		JsonNode replies = shop.awaitCodes(chat);
		assertThat(ShopClient.codes(replies)).hasSize(1);
		assertThat(orders.find(orderNo).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(shop.levels("ALI-2").get("available").asLong()).as("one code left the shelf").isEqualTo(4);
	}

	@Test
	void aSignedPaymentOfTheWrongAmountHoldsTheOrderAndGoesBack() {
		ShopClient shop = shop("ALI-3", 125);
		String chat = "alipay-short";
		String orderNo = orderNo(shop.say(chat, "/buy ALI-3 1"));
		shop.press(chat, "pay:alipay:" + orderNo);
		String tradeNo = alipay.pay(orderNo);
		FakeAlipay.Notify shortPaid = alipay.notification(orderNo).with("total_amount", "0.99").signedWith(alipay.alipayKey());

		assertThat(shortPaid.send(notifyUrl())).as("recorded: Alipay may stop sending").isEqualTo("success");
		Awaitility.await().atMost(WAIT).until(() -> alipay.refundedFen(tradeNo) == 99);
		assertThat(orders.find(orderNo).orElseThrow().status()).isEqualTo(OrderStatus.UNDER_REVIEW);
		assertThat(shortPaid.send(notifyUrl())).isEqualTo("success");
		assertThat(alipay.calls("alipay.trade.refund")).filteredOn(call -> tradeNo.equals(call.biz().get("trade_no").getAsString()))
			.allMatch(FakeAlipay.Call::signed)
			.extracting(call -> call.biz().get("out_request_no").getAsString())
			.as("one refund number for that payment, however often it is asked")
			.containsOnly(alipay.calls("alipay.trade.refund").get(0).biz().get("out_request_no").getAsString());
	}

	@Test
	void theQueryRecoversALostNotificationAndARefundReturnsThePaymentOnce() {
		ShopClient shop = shop("ALI-4", 100);
		String chat = "alipay-lost";
		String orderNo = orderNo(shop.say(chat, "/buy ALI-4 1"));
		shop.press(chat, "pay:alipay:" + orderNo);
		reconciliation.reconcile(Duration.ZERO, 100);
		assertThat(orders.find(orderNo).orElseThrow().status()).as("not scanned yet: Alipay knows no trade")
			.isEqualTo(OrderStatus.AWAITING_PAYMENT);

		String tradeNo = alipay.pay(orderNo);
		alipay.down(true);
		reconciliation.reconcile(Duration.ZERO, 100);
		alipay.down(false);
		assertThat(orders.find(orderNo).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(reconciliation.reconcile(Duration.ZERO, 100)).isGreaterThanOrEqualTo(1);
		assertThat(ShopClient.codes(shop.awaitCodes(chat))).hasSize(1);

		JsonNode refund = ShopClient.ok(shop.post("/api/admin/orders/" + orderNo + "/refund", "", "text/plain", TOKEN));
		assertThat(refund.get("outcome").asString()).isEqualTo("REFUNDED");
		JsonNode again = ShopClient.ok(shop.post("/api/admin/orders/" + orderNo + "/refund", "", "text/plain", TOKEN));
		assertThat(again.get("outcome").asString()).isEqualTo("ALREADY_REFUNDED");
		assertThat(alipay.refundedFen(tradeNo)).isEqualTo(100);
		assertThat(alipay.calls("alipay.trade.refund")).filteredOn(call -> tradeNo.equals(call.biz().get("trade_no").getAsString()))
			.singleElement()
			.satisfies(call -> assertThat(call.biz().get("out_request_no").getAsString()).isEqualTo("R" + orderNo));
	}

	@Test
	void isOfferedInTheWebChatOnly() {
		assertThat(payments.methodsFor("webchat")).contains("alipay");
		assertThat(payments.methodsFor("telegram")).doesNotContain("alipay");
		assertThat(payments.methodsFor("wechat")).as("WeChat blocks links to Alipay").doesNotContain("alipay");
	}

	private ShopClient shop(String sku, long priceFen) {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct(sku, "{\"title\":\"Alipay card\",\"priceFen\":" + priceFen + "}");
		shop.importCodes(sku, Codes.lines(sku, 5));
		return shop;
	}

	private void confirmEmail(ShopClient shop, String chat, String address) throws InterruptedException {
		shop.say(chat, "/email " + address);
		Matcher link = CONFIRM.matcher(smtp.next(WAIT).plain());
		assertThat(link.find()).isTrue();
		assertThat(shop.get(link.group(1), null).statusCode()).isEqualTo(200);
	}

	private String notifyUrl() {
		return "http://127.0.0.1:" + port + "/alipay/notify";
	}

	private static String orderNo(JsonNode replies) {
		Matcher order = ORDER.matcher(text(replies));
		assertThat(order.find()).as("an order number in " + text(replies)).isTrue();
		return order.group();
	}
}
