package io.kamibot.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.kamibot.testing.TestRedis;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import static io.kamibot.shop.ShopClient.buttons;
import static io.kamibot.shop.ShopClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a random port in its embedded default (in-process MongoDB-compatible server on an H2
 * file, sandbox payment, demo catalog), driven only through its public HTTP contract.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/end-to-end", "kamibot.admin.api-token=" + ShopEndToEndTest.TOKEN })
@ExtendWith(OutputCaptureExtension.class)
@Timeout(120)
class ShopEndToEndTest {

	static final String TOKEN = "end-to-end-admin-token-0123456789";

	@LocalServerPort
	int port;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/test-data/end-to-end"));
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
	}

	@Test
	void servesEveryPageWithAFreshNonceForItsOwnScriptsAndNeverInAFrame() {
		ShopClient shop = new ShopClient(port, TOKEN);
		for (String path : List.of("/", "/index.html", "/admin.html")) {
			HttpResponse<String> first = shop.get(path, null);
			HttpResponse<String> second = shop.get(path, null);
			assertThat(first.statusCode()).as(path).isEqualTo(200);
			assertThat(first.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			String policy = first.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(first.headers().allValues("Content-Security-Policy")).as(path).hasSize(1);
			assertThat(policy).as(path).contains("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'");
			String nonce = policy.replaceFirst("(?s).*script-src 'nonce-([A-Za-z0-9_-]{16,})'.*", "$1");
			assertThat(nonce).as(path).isNotEqualTo(policy)
				.isNotEqualTo(second.headers().firstValue("Content-Security-Policy").orElse("")
					.replaceFirst("(?s).*script-src 'nonce-([A-Za-z0-9_-]+)'.*", "$1"));
			assertThat(policy).as(path).contains("style-src 'nonce-" + nonce + "'").doesNotContain("unsafe");
			List<String> tags = new ArrayList<>();
			Matcher tag = Pattern.compile("<(script|style)\\b[^>]*>").matcher(first.body());
			while (tag.find()) {
				tags.add(tag.group());
			}
			assertThat(tags).as(path).isNotEmpty().allMatch(t -> t.contains(" nonce=\"" + nonce + "\""));
			String markup = first.body().replaceAll("(?s)<(script|style)\\b.*?</\\1>", "");
			assertThat(markup).as(path + ": inline handlers or styles no nonce can allow")
				.doesNotContainPattern("<[^>]+\\s(on[a-z]+|style)\\s*=");
		}
		HttpResponse<String> missing = getHtml("/no-such-page");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(missing.headers().allValues("Content-Security-Policy"))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("default-src 'none'", "frame-ancestors 'none'");
	}

	private HttpResponse<String> getHtml(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.header("Accept", "text/html")
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Test
	void keepsTheDataDirectoryAndTheDatabaseFileToTheOwner() throws IOException {
		Path data = Path.of("target/test-data/end-to-end");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("kamibot.mv"))))
			.isEqualTo("rw-------");
		try (Stream<Path> files = Files.list(data)) {
			assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file))
				.as(file.toString())
				.doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
						PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
		}
	}

	@Test
	void buysThroughTheWebChatAndReceivesTheImportedCodes(CapturedOutput output) {
		ShopClient shop = new ShopClient(port, TOKEN);
		assertThat(shop.saveProduct("E2E-CARD", """
				{"title":"测试礼品卡 Gift card","priceFen":1000,"starsPrice":50,"active":true,"lowStockThreshold":1}
				""").statusCode()).isEqualTo(200);
		List<String> imported = List.of("E2E-SECRET-AAAA-0001", "E2E-SECRET-AAAA-0002", "E2E-SECRET-AAAA-0003");
		JsonNode report = ShopClient.ok(shop.importCodes("E2E-CARD", String.join("\n", imported) + "\n"));
		assertThat(report.get("imported").asLong()).isEqualTo(3);

		JsonNode start = shop.say("buyer1", "/start");
		assertThat(buttons(start)).contains("cat", "orders");

		JsonNode placed = shop.say("buyer1", "/buy E2E-CARD 2");
		String orderNo = text(placed).replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
		assertThat(buttons(placed)).contains("pay:sandbox:" + orderNo);

		shop.press("buyer1", "pay:sandbox:" + orderNo);
		JsonNode paid = shop.awaitCodes("buyer1");

		List<String> delivered = new ArrayList<>();
		for (String code : imported) {
			if (text(paid).contains(code)) {
				delivered.add(code);
			}
		}
		assertThat(delivered).hasSize(2);
		assertThat(ShopClient.codes(paid).valueStream().map(JsonNode::asString).toList())
			.containsExactlyElementsOf(delivered);
		assertThat(shop.levels("E2E-CARD").get("sold").asLong()).isEqualTo(2);
		assertThat(shop.levels("E2E-CARD").get("available").asLong()).isEqualTo(1);

		// Pressing the paid button again pays nothing twice and delivers nothing twice.
		assertThat(text(shop.press("buyer1", "pay:sandbox:" + orderNo))).doesNotContain(delivered.get(0));
		assertThat(shop.levels("E2E-CARD").get("sold").asLong()).isEqualTo(2);

		// The codes can be shown again from the order history.
		JsonNode history = shop.say("buyer1", "/orders");
		assertThat(text(shop.press("buyer1", "c:" + orderNo))).contains(delivered);
		assertThat(buttons(history)).contains("c:" + orderNo);

		// Nobody else sees them.
		assertThat(text(shop.press("intruder", "c:" + orderNo))).doesNotContain(delivered.get(0));

		assertThat(output.getAll()).as("log output").doesNotContain(imported);
	}

	@Test
	void refusesOutOfStockUnknownProductsAndBadQuantitiesWithoutAnOrder() {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("E2E-RARE", """
				{"title":"Rare","priceFen":500,"active":true}
				""");
		shop.importCodes("E2E-RARE", "E2E-RARE-ONLY-ONE\n");
		assertThat(text(shop.say("buyer2", "/buy E2E-RARE 2"))).contains("库存不足");
		assertThat(text(shop.say("buyer2", "/buy NO-SUCH-SKU 1"))).contains("不存在");
		assertThat(text(shop.say("buyer2", "/buy E2E-RARE 0"))).contains("1 到 10");
		assertThat(buttons(shop.say("buyer2", "/buy E2E-RARE 2"))).noneMatch(data -> data.startsWith("pay:"));
		assertThat(shop.levels("E2E-RARE").get("reserved").asLong()).isZero();
		assertThat(text(shop.say("buyer2", "/orders"))).contains("还没有订单");
	}

	@Test
	void sellsWithACouponAtItsPriceAndSaysWhyOneIsRefused() {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("E2E-CPN", """
				{"title":"Coupon card","priceFen":2000,"active":true}
				""");
		shop.importCodes("E2E-CPN", "E2E-CPN-CODE-1\nE2E-CPN-CODE-2\nE2E-CPN-CODE-3\n");
		assertThat(shop.put("/api/admin/coupons/spring25", """
				{"percentOff":25,"minFen":1000,"skus":["E2E-CPN"],"maxUses":1,"maxUsesPerCustomer":1}
				""", TOKEN).statusCode()).isEqualTo(200);
		assertThat(shop.put("/api/admin/coupons/BAD", """
				{"percentOff":25,"fenOff":100}
				""", TOKEN).statusCode()).isEqualTo(400);

		JsonNode placed = shop.say("coupon-buyer", "/buy E2E-CPN 2 spring25");
		assertThat(text(placed)).contains("SPRING25", "¥10.00", "¥30.00");
		String orderNo = text(placed).replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
		assertThat(text(shop.say("late-buyer", "/buy E2E-CPN 1 SPRING25"))).contains("已被领完");
		assertThat(text(shop.say("late-buyer", "/buy E2E-CPN 1 NOPE"))).contains("没有这张优惠券");
		assertThat(text(shop.say("late-buyer", "/orders"))).as("no order left behind").contains("还没有订单");

		JsonNode coupon = ShopClient.ok(shop.get("/api/admin/coupons/SPRING25", TOKEN));
		assertThat(coupon.get("coupon").get("uses").asInt()).isEqualTo(1);
		assertThat(coupon.get("uses").get(0).get("orderNo").asString()).isEqualTo(orderNo);
		assertThat(coupon.get("uses").get(0).get("discountFen").asLong()).isEqualTo(1000);
		assertThat(shop.get("/api/admin/coupons/NONE", TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void anOrderOffersACouponAndIsPlacedAgainAtTheLowerPriceOnlyWhenTheCouponIsGood() {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("E2E-CPB", """
				{"title":"Coupon button card","priceFen":2000,"active":true}
				""");
		shop.importCodes("E2E-CPB", "E2E-CPB-CODE-1\nE2E-CPB-CODE-2\n");
		shop.saveProduct("E2E-NOCPN", """
				{"title":"No coupon card","priceFen":500,"active":true}
				""");
		shop.importCodes("E2E-NOCPN", "E2E-NOCPN-CODE-1\n");
		assertThat(shop.put("/api/admin/coupons/autumn3", """
				{"fenOff":300,"skus":["E2E-CPB"]}
				""", TOKEN).statusCode()).isEqualTo(200);
		String chat = "coupon-button-buyer";
		assertThat(buttons(shop.say(chat, "/buy E2E-NOCPN 1"))).as("no coupon for this product: no button")
			.noneMatch(data -> data.startsWith("uc:"));

		JsonNode placed = shop.say(chat, "/buy E2E-CPB 1");
		String first = text(placed).replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
		assertThat(buttons(placed)).contains("uc:" + first);
		assertThat(text(shop.press(chat, "uc:" + first))).contains("/coupon", first);
		assertThat(text(shop.say(chat, "/coupon NOPE"))).contains("没有这张优惠券", first, "未改变");
		assertThat(text(shop.say("coupon-button-stranger", "/coupon autumn3"))).contains("没有可以使用优惠券");
		assertThat(shop.levels("E2E-CPB").get("reserved").asLong()).isEqualTo(1);

		JsonNode replaced = shop.say(chat, "/coupon autumn3");
		String second = text(replaced).replaceAll("(?s).*" + first + ".*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
		assertThat(second).isNotEqualTo(first).matches("K\\d{6}[A-Z0-9]{8}");
		assertThat(text(replaced)).contains("AUTUMN3", "¥3.00", "¥17.00");
		assertThat(buttons(replaced)).contains("pay:sandbox:" + second).noneMatch(data -> data.startsWith("uc:"));
		assertThat(shop.levels("E2E-CPB").get("reserved").asLong()).as("the first order's code went back").isEqualTo(1);
		assertThat(text(shop.say(chat, "/coupon autumn3"))).as("the new order has its coupon; the other is not for it")
			.contains("不适用于该商品", "未改变");
	}

	@Test
	void seedsTheDemoCatalogAndSellsFromIt() {
		ShopClient shop = new ShopClient(port, TOKEN);
		JsonNode catalog = shop.press("demo-buyer", "cat");
		assertThat(buttons(catalog)).contains("p:DEMO-STEAM-50", "p:DEMO-VIDEO-1M", "p:DEMO-GAME-60");
		JsonNode page = shop.press("demo-buyer", "p:DEMO-GAME-60");
		JsonNode placed = shop.press("demo-buyer", "q:DEMO-GAME-60:1");
		String pay = buttons(placed).stream().filter(d -> d.startsWith("pay:sandbox:")).findFirst().orElseThrow();
		assertThat(buttons(page)).contains("q:DEMO-GAME-60:1");
		shop.press("demo-buyer", pay);
		assertThat(ShopClient.codes(shop.awaitCodes("demo-buyer"))).hasSize(1);
	}

	@Test
	void answersBadRequestsWithProblemsAndChangesNothing() {
		ShopClient shop = new ShopClient(port, TOKEN);
		assertThat(shop.post("/api/webchat/bad.chat/messages", "{\"text\":\"/start\"}", "application/json", null)
			.statusCode()).isEqualTo(400);
		assertThat(shop.post("/api/webchat/" + "x".repeat(65) + "/messages", "{\"text\":\"/start\"}",
				"application/json", null).statusCode()).isEqualTo(400);
		assertThat(shop.post("/api/webchat/ok/callbacks", "{\"data\":\"" + "x".repeat(65) + "\"}", "application/json",
				null).statusCode()).isEqualTo(400);
		assertThat(shop.post("/api/webchat/ok/messages", "{not json", "application/json", null).statusCode())
			.isEqualTo(400);
		assertThat(shop.get("/api/webchat/ok/messages", null).statusCode()).as("no token, nothing to read")
			.isEqualTo(401);
		assertThat(shop.say("ok", "/start").get("chatToken").asString()).as("the refused calls bound nothing")
			.isNotEmpty();
	}

	@Test
	void servesTheChatPageAndHealth() {
		ShopClient shop = new ShopClient(port, TOKEN);
		assertThat(shop.get("/", null).body()).contains("id=\"messages\"");
		assertThat(ShopClient.ok(shop.get("/actuator/health", null)).get("status").asString()).isEqualTo("UP");
	}
}
