package io.kamibot.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import io.kamibot.shop.ShopClient;
import io.kamibot.telegram.FakeBotApi;
import io.kamibot.testing.TestRedis;
import io.kamibot.wechat.FakeWeChatApi;
import io.kamibot.wechat.WeChatPushes;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin requests pass Spring Security only with the bearer token; everything else the shop answers (the platforms'
 * webhooks, the web chat, the pages) goes through as before, with Telegram and WeChat configured against their
 * fakes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/admin-security", "kamibot.admin.api-token=" + AdminSecurityTest.TOKEN,
		"kamibot.demo.enabled=false" })
class AdminSecurityTest {

	static final String TOKEN = "admin-security-test-token-0123456";
	private static final String BOT_TOKEN = "246810:SECURITY-TEST";
	private static final String WEBHOOK_SECRET = "webhook-secret_for-security";
	/** The Official Account that {@link FakeWeChatApi#startFor} configures. */
	private static final String APP_ID = "wx5823bf96d3bd56c7";
	private static final String WECHAT_TOKEN = "QDG6eK";
	private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
	private static final String LOCKED_DOWN = "default-src 'none'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	private static final FakeBotApi telegram = new FakeBotApi(BOT_TOKEN);
	private static final FakeWeChatApi wechat = new FakeWeChatApi(APP_ID, "app-secret-for-tests");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/test-data/admin-security"));
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) throws IOException {
		registry.add("kamibot.redis.address", TestRedis::address);
		telegram.start();
		registry.add("kamibot.telegram.token", () -> BOT_TOKEN);
		registry.add("kamibot.telegram.api-url", telegram::url);
		registry.add("kamibot.telegram.webhook-url", () -> "https://shop.example/telegram/webhook");
		registry.add("kamibot.telegram.webhook-secret", () -> WEBHOOK_SECRET);
		wechat.startFor(registry);
	}

	@AfterAll
	static void stop() {
		telegram.close();
		wechat.close();
	}

	@Test
	void refusesAdminRequestsWithoutTheRightBearerToken() throws Exception {
		String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes(StandardCharsets.UTF_8));
		for (String authorization : new String[] { null, "Bearer wrong", "Bearer " + TOKEN + "x",
				"Bearer " + TOKEN.substring(1), "Bearer ", TOKEN, basic }) {
			HttpResponse<String> refused = send("GET", "/api/admin/products", authorization, null);
			assertThat(refused.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"kamibot-admin\"");
			assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.body()).contains("\"status\":401").contains("bearer token").doesNotContain(TOKEN);
			assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValue(LOCKED_DOWN);
			assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
		}
		assertThat(send("PUT", "/api/admin/products/SNEAKY", "Bearer wrong", "{\"title\":\"S\",\"priceFen\":1}")
			.statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/admin/products/SNEAKY", "Bearer " + TOKEN, null).statusCode())
			.as("the refused write changed nothing").isEqualTo(404);
		// The WeChat menu lives in the bot module, under the same path: guarded the same way.
		assertThat(send("PUT", "/api/admin/wechat/menu", null, "{}").statusCode()).isEqualTo(401);
	}

	@Test
	void letsTheRightBearerTokenInWithoutASession() throws Exception {
		HttpResponse<String> allowed = send("GET", "/api/admin/products", "Bearer " + TOKEN, null);
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(allowed.headers().firstValue("Content-Security-Policy")).hasValue(LOCKED_DOWN);
		HttpResponse<String> saved = send("PUT", "/api/admin/products/GUARDED", "Bearer " + TOKEN,
				"{\"title\":\"Guarded\",\"priceFen\":100}");
		assertThat(saved.statusCode()).as("a POST or PUT needs no CSRF token").isEqualTo(200);
	}

	@Test
	void letsTelegramsWebhookThroughToItsOwnSecretCheck() throws Exception {
		String update = telegram.message(9101, 9101, 9101, "/start").toString();
		assertThat(postTelegram(update, "wrong").statusCode()).isEqualTo(401);
		assertThat(postTelegram(update, WEBHOOK_SECRET).statusCode()).isEqualTo(200);
		telegram.awaitCall("sendMessage", call -> "9101".equals(call.param("chat_id")), Duration.ofSeconds(10));
	}

	@Test
	void letsWeChatsCallbacksThroughToTheirOwnSignatureCheck() throws Exception {
		WeChatPushes pushes = new WeChatPushes("http://127.0.0.1:" + port + "/wechat/mp", WECHAT_TOKEN, AES_KEY,
				APP_ID, "gh_kamibot");
		String signature = SHA1.gen(WECHAT_TOKEN, "1714036504", "1514711492");
		HttpResponse<String> echoed = pushes.verify(signature, "1714036504", "1514711492", "echo-9102");
		assertThat(echoed.statusCode()).isEqualTo(200);
		assertThat(echoed.body()).isEqualTo("echo-9102");
		assertThat(pushes.verify(signature, "1714036505", "1514711492", "echo-9102").statusCode()).isEqualTo(403);

		WeChatPushes.Answer welcome = pushes.push(pushes.event("o-security", 1714036900, "subscribe"));
		assertThat(welcome.status()).isEqualTo(200);
		assertThat(welcome.text()).contains("欢迎");
	}

	@Test
	void letsTheWebChatPagesAndUnconfiguredCallbacksThroughUntouched() throws Exception {
		ShopClient shop = new ShopClient(port, TOKEN);
		assertThat(ShopClient.text(shop.say("security-web", "/start"))).isNotBlank();
		assertThat(shop.chat("POST", "security-web", "messages", ShopClient.json("text", "/help")).statusCode())
			.isEqualTo(200);

		// WeChat Pay is not configured here: its notify path is simply not found, never refused by security.
		assertThat(send("POST", "/wechat/pay/notify", null, "{}").statusCode()).isEqualTo(404);

		for (String page : new String[] { "/", "/admin.html" }) {
			HttpResponse<String> served = send("GET", page, null, null);
			assertThat(served.statusCode()).as(page).isEqualTo(200);
			assertThat(served.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
					policy -> assertThat(policy).contains("script-src 'nonce-"));
			assertThat(served.headers().allValues("Set-Cookie")).isEmpty();
		}
	}

	private HttpResponse<String> postTelegram(String body, String secret) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
			.header("Content-Type", "application/json")
			.header("X-Telegram-Bot-Api-Secret-Token", secret)
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String authorization, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}
}
