package io.kamibot.openapi;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.shop.ShopClient;
import io.kamibot.testing.PerJvm;
import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** One running shop shared by the reseller tests (admin API, Open API, chat commands), driven over HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=" + ResellerShop.DATA, "kamibot.admin.api-token=" + ResellerShop.TOKEN,
		"kamibot.demo.enabled=false", "kamibot.open-api.requests-per-minute=60", "kamibot.resellers.confirm-above=20" })
@Timeout(120)
abstract class ResellerShop {

	static final String TOKEN = "reseller-test-admin-token-0123456789";
	/** Its own per test JVM (see {@link PerJvm}). */
	static final String DATA = "target/test-data/resellers-${" + PerJvm.PROPERTY + "}";
	private static final AtomicInteger next = new AtomicInteger();

	@LocalServerPort
	int port;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		PerJvm.emptyOnce("target/test-data/resellers");
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
	}

	ShopClient admin() {
		return new ShopClient(port, TOKEN);
	}

	static String unique(String prefix) {
		return prefix + "-" + System.nanoTime() % 100_000 + next.incrementAndGet();
	}

	/** A product with {@code codes} codes on sale. */
	String product(long priceFen, int codes) {
		String sku = unique("P");
		return admin().stocked(sku, "{\"title\":\"" + sku + "\",\"priceFen\":" + priceFen + "}", codes);
	}

	/** A reseller at a level with a balance, and a key for it. */
	OpenApiClient reseller(String id, int level, long balanceFen) {
		ShopClient.ok(admin().put("/api/admin/resellers/" + id, "{\"name\":\"" + id + "\",\"level\":" + level + "}",
				TOKEN));
		if (balanceFen > 0) {
			ShopClient.ok(admin().post("/api/admin/resellers/" + id + "/wallet",
					"{\"amountFen\":" + balanceFen + ",\"ref\":\"opening\"}", "application/json", TOKEN));
		}
		JsonNode key = ShopClient.ok(admin().post("/api/admin/resellers/" + id + "/keys", "", "application/json", TOKEN));
		return new OpenApiClient(port, key.get("keyId").asString(), key.get("secret").asString());
	}
}
