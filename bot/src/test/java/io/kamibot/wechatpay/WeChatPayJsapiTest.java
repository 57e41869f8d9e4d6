package io.kamibot.wechatpay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentInstructions.OpenLink;
import io.kamibot.payment.Payments;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.InMemoryMongo;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testing.kamibot.CoreTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSAPI payments for Official Account buyers: the chat gets a signed link, the page asks the fake WeChat Pay for the
 * buyer's {@code prepay_id} and hands a request WeChat would accept to {@code getBrandWCPayRequest}; the signed
 * notification then delivers as for Native payments.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "kamibot.wechatpay.jsapi=true")
@ContextConfiguration(initializers = InMemoryMongo.class)
@DirtiesContext
@Timeout(120)
class WeChatPayJsapiTest {

	private static final FakeWeChatPay wechatPay = new FakeWeChatPay();
	private static final AtomicInteger next = new AtomicInteger();
	private static final Pattern NONCE = Pattern.compile("<script nonce=\"([A-Za-z0-9_-]+)\">");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	Customers customers;

	@Autowired
	JsapiLinks links;

	@Autowired
	TestClock clock;

	@DynamicPropertySource
	static void wechatPay(DynamicPropertyRegistry registry) throws IOException {
		wechatPay.startFor(registry);
	}

	@AfterAll
	static void stop() {
		wechatPay.close();
	}

	@Test
	void anOfficialAccountBuyerPaysOnThePageTheLinkOpensAndTheNotificationDelivers() throws Exception {
		String openId = "oJsapiBuyer_" + next.incrementAndGet();
		Order order = order("wechat", openId, "点卡 <b>&</b> \"VIP\"");

		PaymentInstructions started = payments.start(order.orderNo(), order.customerId(), WeChatPayProvider.ID,
				"wechat");
		assertThat(started).isInstanceOf(OpenLink.class);
		String link = ((OpenLink) started).url();
		assertThat(link).startsWith("https://shop.example/wechat/pay/jsapi/" + order.orderNo() + "?s=");
		assertThat(calls(order)).as("nothing asked before the page opens").isEmpty();

		HttpResponse<String> page = open(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		Matcher nonce = NONCE.matcher(page.body());
		assertThat(nonce.find()).isTrue();
		assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
			.contains("default-src 'none'", "script-src 'nonce-" + nonce.group(1) + "'");
		assertThat(page.body()).contains("点卡 &lt;b&gt;&amp;&lt;/b&gt; &quot;VIP&quot;").doesNotContain("<b>")
			.contains("¥19.90");

		JsonObject request = request(page.body());
		String prepayId = wechatPay.prepayId(order.orderNo()).orElseThrow();
		assertThat(request.get("appId").getAsString()).isEqualTo(FakeWeChatPay.APP_ID);
		assertThat(request.get("package").getAsString()).isEqualTo("prepay_id=" + prepayId);
		assertThat(request.get("signType").getAsString()).isEqualTo("RSA");
		assertThat(wechatPay.acceptable(request)).as("paySign as WeChat checks it").isTrue();
		JsonObject sent = calls(order).get(0).json();
		assertThat(sent.getAsJsonObject("payer").get("openid").getAsString()).isEqualTo(openId);
		assertThat(sent.getAsJsonObject("amount").get("total").getAsLong()).isEqualTo(order.totalFen());
		assertThat(sent.get("out_trade_no").getAsString()).isEqualTo(order.orderNo());

		assertThat(request(open(link).body()).get("package").getAsString()).as("opened again: the same payment")
			.isEqualTo("prepay_id=" + prepayId);

		int notified = wechatPay.notify(order.orderNo(), order.totalFen()).at(clock.instant()).build()
			.send("http://127.0.0.1:" + port + "/wechat/pay/notify");
		assertThat(notified).isEqualTo(204);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		HttpResponse<String> afterwards = open(link);
		assertThat(afterwards.statusCode()).isEqualTo(200);
		assertThat(afterwards.body()).contains("无需付款").doesNotContain("id=\"request\"");
		assertThat(calls(order)).hasSize(2).allMatch(c -> c.path().equals("/v3/pay/transactions/jsapi"));
	}

	@Test
	void refusesLinksTheShopDidNotSignAndOrdersNotFromTheOfficialAccountWithoutAskingWeChatPay() throws Exception {
		Order order = order("wechat", "oJsapiOther_" + next.incrementAndGet(), "Other");
		Order webOrder = order("webchat", "jsapi-web-" + next.incrementAndGet(), "Web");
		String good = links.link(order.orderNo());
		String signature = good.substring(good.indexOf("?s=") + 3);
		String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
		String[] refused = { "/wechat/pay/jsapi/" + order.orderNo(), "/wechat/pay/jsapi/" + order.orderNo() + "?s=",
				"/wechat/pay/jsapi/" + order.orderNo() + "?s=" + flipped,
				"/wechat/pay/jsapi/" + webOrder.orderNo() + "?s=" + signature,
				local(links.link(webOrder.orderNo())), local(links.link("K000000NOSUCH00")) };
		int before = wechatPay.calls("/v3/pay/transactions").size();
		for (String path : refused) {
			HttpResponse<String> page = get("http://127.0.0.1:" + port + path);
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("找不到这个付款页面").doesNotContain("id=\"request\"");
		}
		assertThat(wechatPay.calls("/v3/pay/transactions")).hasSize(before);

		PaymentInstructions web = payments.start(webOrder.orderNo(), webOrder.customerId(), WeChatPayProvider.ID,
				"webchat");
		assertThat(web).as("the web chat keeps the QR code").isInstanceOf(PaymentInstructions.ScanQr.class);
	}

	/** The calls to WeChat Pay's ordering APIs about this order. */
	private static java.util.List<FakeWeChatPay.Call> calls(Order order) {
		return wechatPay.calls("/v3/pay/transactions").stream()
			.filter(c -> c.body() != null && c.body().contains("\"" + order.orderNo() + "\""))
			.toList();
	}

	@Test
	void anOrderPastItsTimeToPayIsNotSentToWeChatPay() throws Exception {
		Order order = order("wechat", "oJsapiLate_" + next.incrementAndGet(), "Late");
		String link = links.link(order.orderNo());
		clock.advance(java.time.Duration.ofMinutes(16));
		try {
			HttpResponse<String> page = open(link);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("已超过付款时间").doesNotContain("id=\"request\"");
			orders.expireOverdue();
			assertThat(open(link).body()).contains("已超过付款时间");
			assertThat(calls(order)).isEmpty();
		}
		finally {
			clock.advance(java.time.Duration.ofMinutes(-16));
		}
	}

	private Order order(String channel, String userId, String title) {
		Sku sku = new Sku("JSAPI-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft(title, null, null, 1990L, null, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), 2)), "test");
		String customer = customers.identify(new ChannelIdentity(channel, userId)).id();
		return orders.place(customer, sku, 1);
	}

	/** The link is on the shop's public origin; the test server is on loopback. */
	private HttpResponse<String> open(String link) throws Exception {
		return get("http://127.0.0.1:" + port + local(link));
	}

	private static String local(String link) {
		URI uri = URI.create(link);
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

	private HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), BodyHandlers.ofString());
	}

	private static JsonObject request(String body) {
		JsonObject request = FakeWeChatPay.jsapiRequest(body);
		assertThat(request).as("the page carries a payment request").isNotNull();
		return request;
	}
}
