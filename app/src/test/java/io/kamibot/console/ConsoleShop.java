package io.kamibot.console;

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
import tools.jackson.databind.node.ObjectNode;

/**
 * One running shop shared by the console's tests (its admin API, the storefront, the real browser), so they cost
 * one application start between them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=" + ConsoleShop.DATA, "kamibot.admin.api-token=" + ConsoleShop.TOKEN,
		"kamibot.demo.enabled=false", "kamibot.risk.orders-per-window=1000",
		"kamibot.risk.orders-per-address=1000" })
@Timeout(120)
abstract class ConsoleShop {

	static final String TOKEN = "console-test-admin-token-0123456789";
	/** Its own per test JVM (see {@link PerJvm}). */
	static final String DATA = "target/test-data/console-${" + PerJvm.PROPERTY + "}";
	private static final AtomicInteger next = new AtomicInteger();

	@LocalServerPort
	int port;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		PerJvm.emptyOnce("target/test-data/console");
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
	}

	ShopClient shop() {
		return new ShopClient(port, TOKEN);
	}

	static String unique(String prefix) {
		return prefix + "-" + System.nanoTime() % 100_000 + next.incrementAndGet();
	}

	/** A product with {@code codes} codes on sale. */
	String product(String title, long priceFen, int codes) {
		ObjectNode fields = (ObjectNode) ShopClient.parse(ShopClient.json("title", title));
		return shop().stocked(unique("C"), fields.put("priceFen", priceFen).toString(), codes);
	}

	/** Buys one code in a new web chat and pays with the sandbox; returns the order number once delivered. */
	String sale(ShopClient shop, String chat, String sku) {
		String orderNo = orderNo(shop.say(chat, "/buy " + sku + " 1"));
		shop.press(chat, "pay:sandbox:" + orderNo);
		shop.awaitCodes(chat);
		return orderNo;
	}

	static String orderNo(JsonNode replies) {
		return ShopClient.text(replies).replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
	}
}
