package io.kamibot.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.InMemoryMongo;
import io.kamibot.testing.TestClock;
import io.kamibot.wechat.FakeWeChatApi.Sent;
import io.kamibot.wechat.WeChatPushes.Answer;
import io.kamibot.wechatpay.FakeWeChatPay;
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

import static io.kamibot.wechat.WeChatPurchaseEndToEndTest.choice;
import static io.kamibot.wechat.WeChatPurchaseEndToEndTest.orderOne;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Official Account purchase with JSAPI on: the pay choice answers with the shop's signed payment link, the page
 * it opens carries a request WeChat would accept for this buyer's OpenID, and the notification brings the code by
 * customer-service message.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InMemoryMongo.class)
@DirtiesContext
@Timeout(120)
class WeChatJsapiEndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final FakeWeChatApi wechat = new FakeWeChatApi(FakeWeChatPay.APP_ID, WeChatChannelTest.SECRET);
	private static final FakeWeChatPay wechatPay = new FakeWeChatPay();
	private static final Pattern LINK = Pattern.compile("https://shop\\.example(/wechat/pay/jsapi/\\S+)");

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Customers customers;

	@Autowired
	TestClock clock;

	@DynamicPropertySource
	static void platforms(DynamicPropertyRegistry registry) throws IOException {
		wechat.startFor(registry);
		wechatPay.startFor(registry);
		registry.add("kamibot.wechatpay.jsapi", () -> "true");
	}

	@AfterAll
	static void stop() {
		wechat.close();
		wechatPay.close();
	}

	@Test
	void choosingWeChatPayAnswersWithTheLinkWhosePageOpensThePaymentSheet() throws Exception {
		catalog.save(new Sku("WX-JSAPI-30"),
				new ProductDraft("腾讯视频月卡", "desc", null, 2500L, null, true, 10, 0));
		stock.importCodes(new Sku("WX-JSAPI-30"), Codes.stream("TXV-JSAPI-CODE-0001"), "test");
		WeChatPushes pushes = new WeChatPushes("http://127.0.0.1:" + port + "/wechat/mp", WeChatChannelTest.TOKEN,
				WeChatChannelTest.AES_KEY, FakeWeChatPay.APP_ID, WeChatChannelTest.ACCOUNT);
		String buyer = "o-jsapi-e2e-buyer";
		long msgId = 5_200_000_000L;

		Answer orderPage = orderOne(pushes, buyer, msgId, "腾讯视频月卡");
		msgId += 3;
		Order order = orders.history(customers.identify(new ChannelIdentity("wechat", buyer)).id(), 1).get(0);

		Answer pay = pushes.push(pushes.text(buyer, ++msgId, choice(orderPage.text(), "微信支付")));
		assertThat(pay.text()).as("a passive reply with the link, no QR image").isNotNull().contains(order.orderNo());
		Matcher link = LINK.matcher(pay.text());
		assertThat(link.find()).as("the payment link in:%n%s", pay.text()).isTrue();
		assertThat(wechatPay.codeUrl(order.orderNo())).as("no Native order").isEmpty();

		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + link.group(1))).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		JsonObject request = FakeWeChatPay.jsapiRequest(page.body());
		assertThat(request).isNotNull();
		assertThat(wechatPay.acceptable(request)).isTrue();
		assertThat(wechatPay.calls("/v3/pay/transactions/jsapi").get(0).json().getAsJsonObject("payer")
			.get("openid").getAsString()).isEqualTo(buyer);

		assertThat(wechatPay.paidNotify(order.orderNo(), 2500, clock.instant())
			.send("http://127.0.0.1:" + port + "/wechat/pay/notify"))
			.isEqualTo(204);
		Sent codes = wechat.await(buyer, s -> s.content() != null && s.content().contains("TXV-JSAPI-CODE-0001"), WAIT);
		assertThat(codes.errcode()).isZero();
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
	}
}
