package io.kamibot.admin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.shop.ShopClient;
import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console page and every admin API it calls, on the whole application: the page is served, each API
 * answers with the token and refuses without it; admins are added and removed by API; a held order is listed and
 * approved; the alert feed shows each alert's delivery to a WeCom robot (a fake on loopback).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/admin-console", "kamibot.admin.api-token=" + AdminConsoleTest.TOKEN,
		"kamibot.demo.enabled=false", "kamibot.admin.telegram-ids=" + AdminConsoleTest.CONFIGURED,
		"kamibot.risk.review-first-order-fen=500" })
@Timeout(120)
class AdminConsoleTest {

	static final String TOKEN = "admin-console-test-token-0123456789";
	static final long CONFIGURED = 77001;
	private static final String ROBOT_KEY = "console-robot-key-5f2a";
	private static final AtomicInteger robotMessages = new AtomicInteger();
	private static HttpServer robot;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	Customers customers;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/test-data/admin-console"));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		robot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		robot.createContext("/cgi-bin/webhook/send", exchange -> {
			exchange.getRequestBody().readAllBytes();
			robotMessages.incrementAndGet();
			byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, ok.length);
			exchange.getResponseBody().write(ok);
			exchange.close();
		});
		robot.start();
		registry.add("kamibot.redis.address", TestRedis::address);
		registry.add("kamibot.admin.wecom-webhooks",
				() -> "http://127.0.0.1:" + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key=" + ROBOT_KEY);
	}

	@AfterAll
	static void stopRobot() {
		robot.stop(0);
	}

	@Test
	void thePageIsServedWithoutDataAndHoldsNoMarkupInjectionOrOutsideScript() {
		HttpResponse<String> page = send("GET", "/admin.html", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("/api/admin/alerts", "/api/admin/orders/held", "/api/admin/audit",
				"/api/admin/admins", "/api/admin/bans", "sessionStorage")
			.doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "localStorage",
					"<script src", "http://", "https://");
	}

	@Test
	void everyApiThePageCallsRefusesWithoutTheTokenAndChangesNothing() {
		String[][] calls = { { "GET", "/api/admin/alerts?limit=50" }, { "GET", "/api/admin/orders/held?limit=100" },
				{ "GET", "/api/admin/audit?limit=100" }, { "GET", "/api/admin/admins" },
				{ "GET", "/api/admin/bans?limit=100" }, { "PUT", "/api/admin/bans/console-never-banned" },
				{ "DELETE", "/api/admin/bans/console-never-banned" }, { "PUT", "/api/admin/wechat/menu" },
				{ "PUT", "/api/admin/admins/telegram/5550009" },
				{ "DELETE", "/api/admin/admins/telegram/" + CONFIGURED },
				{ "POST", "/api/admin/orders/K260101ABCDEFGH/approve" },
				{ "POST", "/api/admin/orders/K260101ABCDEFGH/reject" } };
		for (String[] call : calls) {
			assertThat(send(call[0], call[1], null).statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
			assertThat(send(call[0], call[1], "not-the-token-" + TOKEN).statusCode()).as(call[0] + " " + call[1])
				.isEqualTo(401);
		}
		for (String[] call : calls) {
			if (call[0].equals("GET")) {
				assertThat(send("GET", call[1], TOKEN).statusCode()).as(call[1]).isEqualTo(200);
			}
		}
		assertThat(ok("GET", "/api/admin/admins").toString()).doesNotContain("5550009");
		assertThat(ok("GET", "/api/admin/audit?action=admin.add").size()).isZero();
	}

	@Test
	void adminsAreAddedListedAndRemovedByApiAndEachChangeIsAudited() {
		JsonNode configured = find(ok("GET", "/api/admin/admins"), String.valueOf(CONFIGURED));
		assertThat(configured.get("channel").asString()).isEqualTo("telegram");
		assertThat(configured.get("configured").asBoolean()).isTrue();

		assertThat(ok("PUT", "/api/admin/admins/telegram/5550001").get("changed").asBoolean()).isTrue();
		assertThat(ok("PUT", "/api/admin/admins/telegram/5550001").get("changed").asBoolean()).isFalse();
		String openId = "oConsoleAdmin_0123456789abcd";
		assertThat(ok("PUT", "/api/admin/admins/wechat/" + openId).get("changed").asBoolean()).isTrue();
		JsonNode added = find(ok("GET", "/api/admin/admins"), "5550001");
		assertThat(added.get("configured").asBoolean()).isFalse();
		assertThat(added.get("addedBy").asString()).isEqualTo("admin-api");
		assertThat(find(ok("GET", "/api/admin/admins"), openId).get("channel").asString()).isEqualTo("wechat");

		for (String bad : new String[] { "telegram/-1001234567", "telegram/abc", "webchat/abcdefghijklmnopqrstu",
				"wechat/short", "Telegram/5550002" }) {
			HttpResponse<String> refused = send("PUT", "/api/admin/admins/" + bad, TOKEN);
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
		}
		HttpResponse<String> configuredStays = send("DELETE", "/api/admin/admins/telegram/" + CONFIGURED, TOKEN);
		assertThat(configuredStays.statusCode()).isEqualTo(409);
		assertThat(ShopClient.parse(configuredStays.body()).get("detail").asString()).contains("configuration");

		assertThat(ok("DELETE", "/api/admin/admins/telegram/5550001").get("changed").asBoolean()).isTrue();
		assertThat(ok("DELETE", "/api/admin/admins/telegram/5550001").get("changed").asBoolean()).isFalse();
		assertThat(ok("GET", "/api/admin/admins").toString()).doesNotContain("5550001").contains(openId);

		JsonNode trail = ok("GET", "/api/admin/audit?target=telegram:5550001");
		assertThat(trail.size()).isEqualTo(2);
		assertThat(trail.toString()).contains("admin.add", "admin.remove", "admin-api");
		assertThat(ok("GET", "/api/admin/audit?action=admin.add").toString()).doesNotContain("5550002");
	}

	@Test
	void bansAreListedWithTheirChatAccountAndLiftedAndEachChangeIsAudited() {
		String customer = customers.identify(new ChannelIdentity("webchat", "console-banned-chat")).id();
		assertThat(ok("PUT", "/api/admin/bans/" + customer).get("changed").asBoolean()).isTrue();
		assertThat(ok("PUT", "/api/admin/bans/" + customer).get("changed").asBoolean()).isFalse();
		assertThat(ok("PUT", "/api/admin/bans/no-such-customer-1").get("changed").asBoolean()).isTrue();

		JsonNode listed = find(ok("GET", "/api/admin/bans?limit=100"), customer);
		assertThat(listed.get("channel").asString()).isEqualTo("webchat");
		assertThat(listed.get("userId").asString()).isEqualTo("console-banned-chat");
		assertThat(listed.get("by").asString()).isEqualTo("admin-api");
		JsonNode unknown = find(ok("GET", "/api/admin/bans"), "no-such-customer-1").path("channel");
		assertThat(unknown.isNull() || unknown.isMissingNode()).as("no chat account for an unknown id").isTrue();
		assertThat(send("GET", "/api/admin/bans?limit=0", TOKEN).statusCode()).isEqualTo(400);

		assertThat(ok("DELETE", "/api/admin/bans/" + customer).get("changed").asBoolean()).isTrue();
		assertThat(ok("DELETE", "/api/admin/bans/" + customer).get("changed").asBoolean()).isFalse();
		assertThat(ok("GET", "/api/admin/bans").toString()).doesNotContain(customer);
		JsonNode trail = ok("GET", "/api/admin/audit?target=" + customer);
		assertThat(trail.toString()).contains("customer.ban", "customer.unban");
		assertThat(trail.size()).isEqualTo(2);
	}

	@Test
	void aHeldOrderIsListedAndApprovedAndTheFeedShowsEachAlertsDeliveryToTheRobot() {
		ShopClient shop = new ShopClient(port, TOKEN);
		ok(shop.saveProduct("CONSOLE", "{\"title\":\"Console\",\"priceFen\":600}"));
		ok(shop.importCodes("CONSOLE", "CONSOLE-SECRET-1\nCONSOLE-SECRET-2\n"));
		String orderNo = ShopClient.text(shop.say("console-buyer", "/buy CONSOLE 1"))
			.replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
		shop.press("console-buyer", "pay:sandbox:" + orderNo);

		JsonNode held = find(ok("GET", "/api/admin/orders/held"), orderNo);
		assertThat(held.get("paid").asBoolean()).isTrue();
		assertThat(held.get("totalFen").asLong()).isEqualTo(600);
		assertThat(held.get("sku").asString()).isEqualTo("CONSOLE");

		assertThat(ok("POST", "/api/admin/orders/" + orderNo + "/approve").get("outcome").asString())
			.isEqualTo("APPROVED");
		assertThat(ok("POST", "/api/admin/orders/" + orderNo + "/approve").get("outcome").asString())
			.isEqualTo("NOT_HELD");
		assertThat(ok("GET", "/api/admin/orders/held").toString()).doesNotContain(orderNo);
		assertThat(send("GET", "/api/admin/orders/held?limit=0", TOKEN).statusCode()).isEqualTo(400);

		JsonNode alert = awaitSentAlert("ORDER_HELD", orderNo);
		JsonNode delivery = alert.get("deliveries").get(0);
		assertThat(delivery.get("destination").asString()).startsWith("wecom:");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
		assertThat(delivery.get("sentAt").isNull()).isFalse();
		assertThat(robotMessages.get()).isPositive();
		String feed = ok("GET", "/api/admin/alerts?limit=50").toString();
		assertThat(feed).doesNotContain(ROBOT_KEY).doesNotContain("CONSOLE-SECRET");
		assertThat(ok("GET", "/api/admin/audit?target=" + orderNo).toString()).contains("order.approved");
	}

	/** Waits (at most 15 s) until the feed shows the alert about {@code arg} as sent to every destination. */
	private JsonNode awaitSentAlert(String type, String arg) {
		return await().alias("a sent " + type + " alert about " + arg)
			.atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> sentAlert(type, arg), Optional::isPresent)
			.orElseThrow();
	}

	private Optional<JsonNode> sentAlert(String type, String arg) {
		for (JsonNode alert : ok("GET", "/api/admin/alerts?limit=50").get("alerts")) {
			if (alert.get("type").asString().equals(type) && alert.get("args").toString().contains(arg)) {
				JsonNode deliveries = alert.get("deliveries");
				boolean sent = deliveries.size() > 0;
				for (JsonNode d : deliveries) {
					sent &= d.get("status").asString().equals("SENT");
				}
				if (sent) {
					return Optional.of(alert);
				}
			}
		}
		return Optional.empty();
	}

	private static JsonNode find(JsonNode array, String value) {
		for (JsonNode node : array) {
			if (node.toString().contains("\"" + value + "\"")) {
				return node;
			}
		}
		throw new AssertionError("No " + value + " in " + array);
	}

	private JsonNode ok(String method, String path) {
		return ok(send(method, path, TOKEN));
	}

	private static JsonNode ok(HttpResponse<String> response) {
		return ShopClient.ok(response);
	}

	private HttpResponse<String> send(String method, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
