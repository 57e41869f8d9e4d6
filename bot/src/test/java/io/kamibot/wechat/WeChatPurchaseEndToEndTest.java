package io.kamibot.wechat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purchase in the Official Account from follow to code, with every platform piece real but WeChat itself: a
 * signed safe-mode subscribe push, numbered menus answered by number, a WeChat Pay Native order through WxJava, the
 * QR sent as an image by customer-service message, a notify signed with the platform key, and the code by
 * customer-service message.
 */
// The loopback is the trusted proxy, so the web chat's limit of new chats counts this test's own address.
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "kamibot.webchat.trusted-proxies=127.0.0.1")
@ContextConfiguration(initializers = InMemoryMongo.class)
@DirtiesContext
@Timeout(120)
class WeChatPurchaseEndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final FakeWeChatApi wechat = new FakeWeChatApi(WeChatChannelTest.APP_ID, WeChatChannelTest.SECRET);
	private static final FakeWeChatPay wechatPay = new FakeWeChatPay();

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

	private final String webchatAddress = "198.18." + ThreadLocalRandom.current().nextInt(256) + "."
			+ (1 + ThreadLocalRandom.current().nextInt(254));
	private String webchatToken;

	@DynamicPropertySource
	static void platforms(DynamicPropertyRegistry registry) throws IOException {
		wechat.startFor(registry);
		wechatPay.startFor(registry);
	}

	@AfterAll
	static void stop() {
		wechat.close();
		wechatPay.close();
	}

	@Test
	void followChooseByNumberPayByQrAndReceiveTheCode() throws Exception {
		catalog.save(new Sku("WX-E2E-30"), new ProductDraft("爱奇艺月卡", "desc", null, 3000L, null, true, 10, 0));
		stock.importCodes(new Sku("WX-E2E-30"), Codes.stream("IQY-E2E-CODE-0001\nIQY-E2E-CODE-0002"), "test");
		WeChatPushes pushes = new WeChatPushes("http://127.0.0.1:" + port + "/wechat/mp", WeChatChannelTest.TOKEN,
				WeChatChannelTest.AES_KEY, WeChatChannelTest.APP_ID, WeChatChannelTest.ACCOUNT);
		String buyer = "o-e2e-buyer";
		long msgId = 5_100_000_000L;

		Answer orderPage = orderOne(pushes, buyer, msgId, "爱奇艺月卡");
		msgId += 3;
		assertThat(orderPage.text()).contains("微信支付");
		Order order = orders.history(customers.identify(new ChannelIdentity("wechat", buyer)).id(), 1).get(0);
		assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

		Answer pay = pushes.push(pushes.text(buyer, ++msgId, choice(orderPage.text(), "微信支付")));
		assertThat(pay.success()).as("text and image go as customer-service messages").isTrue();
		String codeUrl = wechatPay.codeUrl(order.orderNo()).orElseThrow();
		Sent link = wechat.await(buyer, s -> s.content() != null && s.content().contains(codeUrl), WAIT);
		assertThat(link.errcode()).isZero();
		Sent image = wechat.await(buyer, s -> "image".equals(s.type()), WAIT);
		assertThat(decodeQr(wechat.media(image.mediaId()))).isEqualTo(codeUrl);

		assertThat(wechatPay.paidNotify(order.orderNo(), 3000, clock.instant())
			.send("http://127.0.0.1:" + port + "/wechat/pay/notify"))
			.isEqualTo(204);
		Sent codes = wechat.await(buyer, s -> s.content() != null && s.content().contains("IQY-E2E-CODE-000"), WAIT);
		assertThat(codes.errcode()).isZero();
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
	}

	@Test
	void theWebChatShowsTheSameNativeQrAsAnImage() throws Exception {
		catalog.save(new Sku("WX-E2E-WEB"), new ProductDraft("网页扫码商品", "desc", null, 1200L, null, true, 10, 0));
		stock.importCodes(new Sku("WX-E2E-WEB"), Codes.stream("WEB-E2E-CODE-0001"), "test");
		String chat = "webchat-e2e-qr-0000000001";
		JsonObject placed = webchat(chat, "messages", "text", "/buy WX-E2E-WEB 1");
		String pay = placed.getAsJsonArray("replies").asList().stream()
			.flatMap(r -> r.getAsJsonObject().getAsJsonArray("buttons").asList().stream())
			.flatMap(row -> row.getAsJsonArray().asList().stream())
			.map(b -> b.getAsJsonObject().get("data").getAsString())
			.filter(data -> data.startsWith("pay:wechatpay:"))
			.findFirst()
			.orElseThrow();
		JsonObject reply = webchat(chat, "callbacks", "data", pay).getAsJsonArray("replies").get(0).getAsJsonObject();
		String qr = reply.get("qr").getAsString();
		assertThat(qr).startsWith("data:image/png;base64,");
		String codeUrl = wechatPay.codeUrl(pay.substring("pay:wechatpay:".length())).orElseThrow();
		assertThat(decodeQr(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)))).isEqualTo(codeUrl);
		assertThat(reply.get("text").getAsString()).contains(codeUrl);
	}

	/** A web chat call as the page makes it: with the token the chat's first answer brought, once it has one. */
	private JsonObject webchat(String chat, String endpoint, String field, String value) throws Exception {
		JsonObject body = new JsonObject();
		body.addProperty(field, value);
		HttpRequest.Builder request = HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + port + "/api/webchat/" + chat + "/" + endpoint))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", webchatAddress)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		if (webchatToken != null) {
			request.header("X-Chat-Token", webchatToken);
		}
		HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
		if (answer.has("chatToken")) {
			webchatToken = answer.get("chatToken").getAsString();
		}
		return answer;
	}

	/**
	 * Follows the account and orders one of the product by answering the numbered menus (messages {@code msgId + 1}
	 * to {@code + 3}); the order's page, whose menu offers the ways to pay.
	 */
	static Answer orderOne(WeChatPushes pushes, String buyer, long msgId, String product) throws Exception {
		Answer welcome = pushes.push(pushes.event(buyer, 1714036504, "subscribe"));
		Answer catalogPage = pushes.push(pushes.text(buyer, msgId + 1, choice(welcome.text(), "商品")));
		Answer productPage = pushes.push(pushes.text(buyer, msgId + 2, choice(catalogPage.text(), product)));
		return pushes.push(pushes.text(buyer, msgId + 3, choice(productPage.text(), "1")));
	}

	/** The number in front of the first menu line containing {@code label}. */
	static String choice(String text, String label) {
		assertThat(text).as("a numbered menu").isNotNull();
		Matcher line = Pattern.compile("(?m)^(\\d+)\\. .*" + Pattern.quote(label) + ".*$").matcher(text);
		assertThat(line.find()).as("a choice with '%s' in:%n%s", label, text).isTrue();
		return line.group(1);
	}

	private static String decodeQr(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		// A drawn code, not a photo: read as a pure barcode (no search for finder patterns, which can miss on some).
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
				Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
	}
}
