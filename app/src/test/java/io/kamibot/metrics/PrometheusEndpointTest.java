package io.kamibot.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.kamibot.shop.ShopClient;
import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import static io.kamibot.shop.ShopClient.buttons;
import static io.kamibot.shop.ShopClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shop's metrics as a Prometheus server scrapes them, after purchases made through the web chat. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/prometheus", "kamibot.admin.api-token=" + PrometheusEndpointTest.TOKEN,
		"kamibot.demo.enabled=false", "kamibot.metrics.refresh=100ms" })
@Timeout(60)
class PrometheusEndpointTest {

	static final String TOKEN = "prometheus-test-admin-token-0123";

	@LocalServerPort
	int port;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/test-data/prometheus"));
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
	}

	@Test
	void countsOrdersStockAndDeliveryTimeWithoutNamingAnyOrderCustomerOrCode() {
		ShopClient shop = new ShopClient(port, TOKEN);
		assertThat(shop.saveProduct("METRIC-CARD", """
				{"title":"Metric card","priceFen":700,"active":true}
				""").statusCode()).isEqualTo(200);
		List<String> codes = List.of("METRIC-SECRET-0001", "METRIC-SECRET-0002", "METRIC-SECRET-0003",
				"METRIC-SECRET-0004");
		ShopClient.ok(shop.importCodes("METRIC-CARD", String.join("\n", codes) + "\n"));

		String first = buy(shop, "metrics-buyer-one", 1);
		String second = buy(shop, "metrics-buyer-two", 2);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(scrape(shop))
			.contains("kamibot_stock_available{sku=\"METRIC-CARD\"} 1.0")
			.contains("kamibot_orders_total{status=\"AWAITING_PAYMENT\"} 2.0")
			.contains("kamibot_orders_total{status=\"PAID\"} 2.0")
			.contains("kamibot_orders_total{status=\"DELIVERED\"} 2.0")
			.contains("kamibot_delivery_after_payment_seconds_count 2")
			.contains("kamibot_alert_deliveries{state=\"pending\"}")
			.contains("kamibot_inbox_pending{channel=\"telegram\"} 0.0"));

		String scrape = scrape(shop);
		assertThat(scrape).as("what a tag must never carry").doesNotContain(first, second)
			.doesNotContain("metrics-buyer")
			.doesNotContain(codes);
	}

	@Test
	void refusesAScrapeWithoutTheAdminTokenButLeavesHealthOpen() {
		ShopClient shop = new ShopClient(port, TOKEN);
		for (String token : new String[] { null, "wrong-token-0123456789" }) {
			assertThat(shop.get("/actuator/prometheus", token).statusCode()).isEqualTo(401);
			assertThat(shop.get("/actuator/prometheus/", token).statusCode()).isEqualTo(401);
		}
		assertThat(shop.get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	/** Places and pays an order in the sandbox; returns its number once the codes are in the chat. */
	private static String buy(ShopClient shop, String chat, int quantity) {
		JsonNode placed = shop.say(chat, "/buy METRIC-CARD " + quantity);
		String orderNo = text(placed).replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
		assertThat(buttons(placed)).contains("pay:sandbox:" + orderNo);
		shop.press(chat, "pay:sandbox:" + orderNo);
		assertThat(ShopClient.codes(shop.awaitCodes(chat))).hasSize(quantity);
		return orderNo;
	}

	private static String scrape(ShopClient shop) {
		var response = shop.get("/actuator/prometheus", TOKEN);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}
}
