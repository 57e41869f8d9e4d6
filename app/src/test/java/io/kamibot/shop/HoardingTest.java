package io.kamibot.shop;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.kamibot.testing.Codes;
import io.kamibot.testing.TestRedis;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import static io.kamibot.shop.ShopClient.json;
import static io.kamibot.shop.ShopClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat ids cost nothing, so what one buyer may hold is bounded across ids: per client address (new chats, new
 * orders), and per product (the share of its codes unpaid orders may hold).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/hoarding", "kamibot.admin.api-token=" + HoardingTest.TOKEN,
		"kamibot.demo.enabled=false", "kamibot.webchat.new-chats-per-address=3", "kamibot.risk.orders-per-address=4" })
@Timeout(120)
class HoardingTest {

	static final String TOKEN = "hoarding-test-admin-token-0123456";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/test-data/hoarding"));
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
	}

	/**
	 * The finding: ten fresh chats, three {@code /buy HOARD-1 10} each, reserved 190 of 200 codes for 15 minutes.
	 * Here each chat comes from an address of its own, as from a botnet, so only the cap per product stands between
	 * the hoarders and the shelf.
	 */
	@Test
	void tenFreshChatsHoldAtMostHalfAProductAndABuyerWhoPaysStillGetsACode() {
		ShopClient admin = new ShopClient(port, TOKEN, address());
		admin.saveProduct("HOARD-1", "{\"title\":\"Hoarded card\",\"priceFen\":100}");
		admin.importCodes("HOARD-1", Codes.lines("HOARD-1", 200));
		List<String> answers = new ArrayList<>();
		for (int chat = 0; chat < 10; chat++) {
			ShopClient hoarder = new ShopClient(port, TOKEN, address());
			for (int order = 0; order < 3; order++) {
				answers.add(text(hoarder.say("hoarder-" + chat, "/buy HOARD-1 10")));
			}
		}
		assertThat(answers).as("every order was taken").allMatch(a -> a.contains("已创建"));
		assertThat(answers).filteredOn(a -> a.contains("不预留卡密")).as("past the cap, reserving nothing").hasSize(20);
		JsonNode levels = admin.levels("HOARD-1");
		assertThat(levels.get("reserved").asLong()).isEqualTo(100);
		assertThat(levels.get("available").asLong()).isEqualTo(100);

		ShopClient buyer = new ShopClient(port, TOKEN, address());
		String orderNo = text(buyer.say("paying-buyer", "/buy HOARD-1 1")).replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*",
				"$1");
		buyer.press("paying-buyer", "pay:sandbox:" + orderNo);
		assertThat(ShopClient.codes(buyer.awaitCodes("paying-buyer"))).hasSize(1);
		assertThat(admin.levels("HOARD-1").get("sold").asLong()).isEqualTo(1);

		JsonNode feed = ShopClient.ok(admin.get("/api/admin/alerts?limit=100", TOKEN)).get("alerts");
		List<JsonNode> hoarding = feed.valueStream()
			.filter(a -> a.get("type").asString().equals("HOARDING") && a.get("args").get(0).asString().equals("HOARD-1"))
			.toList();
		assertThat(hoarding).as("one alert for the pattern, not one per chat").hasSize(1);
		assertThat(feed.valueStream().filter(a -> a.get("type").asString().equals("SUSPECTED_FRAUD"))).isEmpty();
	}

	@Test
	void aClientAddressStartsOnlySoManyChatsAndAMoreIsRefusedWithoutATrace() {
		ShopClient one = new ShopClient(port, TOKEN, address());
		for (int i = 0; i < 3; i++) {
			assertThat(one.say("many-chats-" + i, "/start").has("chatToken")).isTrue();
		}
		HttpResponse<String> refused = one.chat("POST", "many-chats-3", "messages", json("text", "/start"));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(ShopClient.parse(refused.body()).get("detail").asString()).contains("新对话");
		assertThat(refused.body()).doesNotContain("chatToken");
		assertThat(mongo.getCollection("chat_tokens").countDocuments(new Document("_id", "webchat:many-chats-3")))
			.isZero();
		assertThat(mongo.getCollection("customers").countDocuments(new Document("userId", "many-chats-3"))).isZero();

		assertThat(one.say("many-chats-0", "/help").get("replies")).as("its chats go on").isNotEmpty();
		assertThat(new ShopClient(port, TOKEN, address()).say("many-chats-3", "/start").has("chatToken"))
			.as("another address is not held back").isTrue();
	}

	@Test
	void aClientAddressPlacesOnlySoManyOrdersWhateverChatsItUses() {
		ShopClient one = new ShopClient(port, TOKEN, address());
		one.saveProduct("PER-ADDRESS", "{\"title\":\"Per address\",\"priceFen\":100}");
		one.importCodes("PER-ADDRESS", Codes.lines("PER-ADDRESS", 40));
		List<String> answers = new ArrayList<>();
		for (int chat = 0; chat < 3; chat++) {
			for (int order = 0; order < 2; order++) {
				answers.add(text(one.say("per-address-" + chat, "/buy PER-ADDRESS 1")));
			}
		}
		assertThat(answers).filteredOn(a -> a.contains("已创建")).hasSize(4);
		assertThat(answers).filteredOn(a -> a.contains("您所在的网络短时间内下单过多")).hasSize(2);
		assertThat(one.levels("PER-ADDRESS").get("reserved").asLong()).isEqualTo(4);
		assertThat(text(new ShopClient(port, TOKEN, address()).say("per-address-elsewhere", "/buy PER-ADDRESS 1")))
			.as("another address orders").contains("已创建");
	}

	/** A client address of this run's own, so runs against the same Redis do not share limits. */
	private static String address() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}
}
