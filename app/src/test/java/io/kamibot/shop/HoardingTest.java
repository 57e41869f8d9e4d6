package io.kamibot.shop;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import io.kamibot.testing.TestRedis;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static io.kamibot.shop.ShopClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat ids cost nothing, so what one buyer may hold is bounded across ids: per client address (new chats, new
 * orders), and per product (the share of its codes unpaid orders may hold).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/hoarding", "kamibot.admin.api-token=" + HoardingTest.TOKEN,
		"kamibot.demo.enabled=false", "kamibot.webchat.new-chats-per-address=3" })
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

	/** A client address of this run's own, so runs against the same Redis do not share limits. */
	private static String address() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}
}
