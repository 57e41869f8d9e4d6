package io.kamibot.admin;

import java.io.IOException;
import java.nio.file.Path;

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

import static org.assertj.core.api.Assertions.assertThat;

/** The admin feed, the audit log and the ban list over the admin API, on the whole application. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/admin-feed", "kamibot.admin.api-token=" + AdminFeedTest.TOKEN,
		"kamibot.demo.enabled=false" })
@Timeout(120)
class AdminFeedTest {

	static final String TOKEN = "admin-feed-test-token-0123456789";

	@LocalServerPort
	int port;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/test-data/admin-feed"));
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
	}

	@Test
	void codeViewsAndAlertsAreReadableAndABanStopsOrders() {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("FEED", "{\"title\":\"Feed\",\"priceFen\":100,\"lowStockThreshold\":1}");
		shop.importCodes("FEED", "FEED-SECRET-1\nFEED-SECRET-2\n");
		String orderNo = ShopClient.text(shop.say("feed-buyer", "/buy FEED 1"))
			.replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
		shop.press("feed-buyer", "pay:sandbox:" + orderNo);
		shop.awaitCodes("feed-buyer");

		assertThat(shop.get("/api/admin/audit", "wrong").statusCode()).isEqualTo(401);
		assertThat(shop.get("/api/admin/alerts", null).statusCode()).isEqualTo(401);
		String audit = ShopClient.ok(shop.get("/api/admin/audit?action=codes.view&target=" + orderNo, TOKEN)).toString();
		assertThat(audit).contains(orderNo).contains("webchat").doesNotContain("FEED-SECRET");
		String viewer = ShopClient.ok(shop.get("/api/admin/audit?target=" + orderNo, TOKEN)).get(0).get("actor").asString();

		JsonNode feed = ShopClient.ok(shop.get("/api/admin/alerts", TOKEN));
		assertThat(feed.toString()).contains("LOW_STOCK").contains("FEED").doesNotContain("FEED-SECRET");

		String customerId = viewer.substring("customer:".length());
		assertThat(ShopClient.ok(shop.put("/api/admin/bans/" + customerId, "", TOKEN)).get("changed").asBoolean()).isTrue();
		assertThat(ShopClient.text(shop.say("feed-buyer", "/buy FEED 1"))).contains("无法下单");
		assertThat(ShopClient.ok(shop.get("/api/admin/audit?action=customer.ban", TOKEN)).toString()).contains(customerId);
	}
}
