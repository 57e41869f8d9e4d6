package io.kamibot.shop;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.Orders;
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

import static io.kamibot.shop.ShopClient.buttons;
import static io.kamibot.shop.ShopClient.json;
import static io.kamibot.shop.ShopClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web chat is its id plus the secret token its first answer brought: whoever knows only the id (from the
 * database, an admin screen, an alert) gets 401 on every endpoint and changes nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/webchat-identity", "kamibot.admin.api-token=" + WebChatIdentityTest.TOKEN,
		"kamibot.demo.enabled=false" })
@Timeout(120)
class WebChatIdentityTest {

	static final String TOKEN = "webchat-identity-admin-token-0123";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Customers customers;

	@Autowired
	Orders orders;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/test-data/webchat-identity"));
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
	}

	@Test
	void theFirstAnswerBindsTheChatToATokenThatEveryLaterCallMustSend() {
		ShopClient buyer = new ShopClient(port, TOKEN);
		JsonNode first = buyer.say("token-chat-1", "/start");
		assertThat(first.get("chatToken").asString()).matches("[A-Za-z0-9_-]{43}");
		assertThat(buyer.say("token-chat-1", "/help").has("chatToken")).as("handed out once").isFalse();
		assertThat(buyer.receive("token-chat-1").get("replies")).isEmpty();

		ShopClient stranger = new ShopClient(port, TOKEN);
		assertRefusedEverywhere(stranger, "token-chat-1");
		String token = buyer.chatToken("token-chat-1");
		for (String wrong : new String[] { "wrong", token.substring(1), token + "x", token.toLowerCase(),
				"x".repeat(5000) }) {
			assertRefusedEverywhere(stranger.useChatToken("token-chat-1", wrong), "token-chat-1");
		}
		assertThat(buttons(buyer.say("token-chat-1", "/start"))).as("the buyer is unaffected").contains("cat");
	}

	@Test
	void aCallerWithTheIdButNotTheTokenChangesNothing() {
		ShopClient buyer = new ShopClient(port, TOKEN);
		buyer.saveProduct("ID-ONLY", "{\"title\":\"Guarded card\",\"priceFen\":100}");
		buyer.importCodes("ID-ONLY", "ID-ONLY-CODE-1\nID-ONLY-CODE-2\nID-ONLY-CODE-3\n");
		String orderNo = orderNo(buyer.say("victim-chat", "/buy ID-ONLY 1"));
		buyer.press("victim-chat", "pay:sandbox:" + orderNo);
		String code = ShopClient.codes(buyer.awaitCodes("victim-chat")).get(0).asString();
		// The refund notice waits in the chat's mailbox until the buyer's page fetches it.
		assertThat(buyer.post("/api/admin/orders/" + orderNo + "/refund", "", "text/plain", TOKEN).statusCode())
			.isEqualTo(200);
		String customerId = customers.identify(new ChannelIdentity("webchat", "victim-chat")).id();
		long views = codeViews(orderNo);

		ShopClient stranger = new ShopClient(port, TOKEN);
		for (String[] call : new String[][] { { "messages", "text", "/orders" }, { "messages", "text", "/lang en" },
				{ "messages", "text", "/buy ID-ONLY 1" }, { "callbacks", "data", "c:" + orderNo },
				{ "callbacks", "data", "q:ID-ONLY:2" } }) {
			HttpResponse<String> refused = stranger.chat("POST", "victim-chat", call[0], json(call[1], call[2]));
			assertThat(refused.statusCode()).as("%s", (Object) call).isEqualTo(401);
			assertThat(refused.body()).doesNotContain(code, orderNo);
		}
		assertThat(stranger.chat("GET", "victim-chat", "messages", null).statusCode()).isEqualTo(401);

		assertThat(orders.history(customerId, 10)).as("no order placed").hasSize(1);
		assertThat(buyer.levels("ID-ONLY").get("reserved").asLong()).isZero();
		assertThat(codeViews(orderNo)).as("no code shown").isEqualTo(views);
		assertThat(customers.find(customerId).orElseThrow().locale()).as("language kept").isEqualTo("zh-CN");
		assertThat(text(buyer.receive("victim-chat"))).as("the waiting notice is still the buyer's")
			.contains(orderNo);
	}

	@Test
	void theDatabaseKeepsOnlyAKeyedHashOfTheToken() {
		ShopClient buyer = new ShopClient(port, TOKEN);
		buyer.say("hashed-chat", "/start");
		String token = buyer.chatToken("hashed-chat");
		Document bound = mongo.getCollection("chat_tokens").find(new Document("_id", "webchat:hashed-chat")).first();
		assertThat(bound).isNotNull();
		assertThat(bound.getString("hash")).matches("[0-9a-f]{64}");
		for (String collection : mongo.getCollectionNames()) {
			for (Document document : mongo.getCollection(collection).find()) {
				assertThat(document.toJson()).as("a document of %s", collection).doesNotContain(token);
			}
		}
	}

	@Test
	void aChatFromBeforeTokensIsRetiredNotHandedToWhoeverCallsFirst() {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("LEGACY", "{\"title\":\"Old card\",\"priceFen\":100}");
		shop.importCodes("LEGACY", "LEGACY-CODE-1\nLEGACY-CODE-2\n");
		// Before tokens, a chat was its id alone: the shop registered the customer on the first message.
		String customerId = customers.identify(new ChannelIdentity("webchat", "legacy-chat")).id();
		String orderNo = orders.place(customerId, new Sku("LEGACY"), 1).orderNo();

		HttpResponse<String> first = shop.chat("POST", "legacy-chat", "messages", json("text", "/orders"));
		assertThat(first.statusCode()).isEqualTo(401);
		assertThat(first.body()).doesNotContain("chatToken", orderNo);
		assertThat(ShopClient.parse(first.body()).get("detail").asString()).contains("新对话");
		assertThat(shop.chat("POST", "legacy-chat", "messages", json("text", "/orders")).statusCode())
			.as("nor to whoever calls second").isEqualTo(401);
		assertThat(mongo.getCollection("chat_tokens").countDocuments(new Document("_id", "webchat:legacy-chat")))
			.isZero();
	}

	private static void assertRefusedEverywhere(ShopClient client, String chatId) {
		for (HttpResponse<String> response : new HttpResponse[] {
				client.chat("POST", chatId, "messages", json("text", "/orders")),
				client.chat("POST", chatId, "callbacks", json("data", "orders")),
				client.chat("GET", chatId, "messages", null) }) {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).contains("X-Chat-Token");
			assertThat(ShopClient.parse(response.body()).get("detail").asString()).isNotEmpty();
		}
	}

	private long codeViews(String orderNo) {
		return mongo.getCollection("audit").countDocuments(new Document("action", "codes.view").append("target", orderNo));
	}

	private static String orderNo(JsonNode replies) {
		return text(replies).replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
	}
}
