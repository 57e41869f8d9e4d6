package io.kamibot.telegram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import testing.kamibot.CoreTestApplication;
import io.kamibot.testing.InMemoryMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook mode: Telegram pushes to {@code POST /telegram/webhook} with the secret token. */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InMemoryMongo.class)
@DirtiesContext
@Timeout(60)
class TelegramWebhookTest {

	private static final String TOKEN = "654321:WEBHOOK-TOKEN";
	private static final String SECRET = "s3cret_token-For-webhook";
	private static final FakeBotApi telegram = new FakeBotApi(TOKEN);
	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) throws IOException {
		telegram.start();
		registry.add("kamibot.telegram.token", () -> TOKEN);
		// Private chats at Telegram's pace (3 in 3 s) would add seconds to every conversation here; the pace itself
		// is tested in TelegramPurchaseTest and TelegramLimitsTest.
		registry.add("kamibot.telegram.private-chat-pace", () -> "100/1s");
		registry.add("kamibot.telegram.api-url", telegram::url);
		registry.add("kamibot.telegram.webhook-url", () -> "https://shop.example/telegram/webhook");
		registry.add("kamibot.telegram.webhook-secret", () -> SECRET);
	}

	@AfterAll
	static void stop() {
		telegram.close();
	}

	@Test
	void registersTheWebhookWithItsSecretInsteadOfPolling() {
		FakeBotApi.Call set = telegram.awaitCall("setWebhook", c -> true, Duration.ofSeconds(5));
		assertThat(set.param("url")).isEqualTo("https://shop.example/telegram/webhook");
		assertThat(set.param("secret_token")).isEqualTo(SECRET);
		assertThat(telegram.calls("getUpdates")).isEmpty();
	}

	@Test
	void refusesAMissingOrWrongSecretAndProcessesNothing() throws Exception {
		String update = telegram.message(501, 8001, 8001, "/start").toString();
		assertThat(post(update, null)).isEqualTo(401);
		assertThat(post(update, "wrong")).isEqualTo(401);
		assertThat(post(update, SECRET + "x")).isEqualTo(401);

		// A later, rightly signed update of the chat is processed after anything stored before it.
		assertThat(post(telegram.message(503, 8001, 8001, "/help").toString(), SECRET)).isEqualTo(200);
		FakeBotApi.Call marker = telegram.awaitCall("sendMessage", c -> "8001".equals(c.param("chat_id")), WAIT);
		assertThat(marker.param("text")).contains("/catalog");
		assertThat(telegram.calls("sendMessage").stream().filter(c -> "8001".equals(c.param("chat_id"))))
			.containsExactly(marker);
	}

	@Test
	void answersAWrongSecretWithoutReadingTheBody() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ TelegramWebhook.SECRET_HEADER + ": wrong\r\nContent-Length: 1000000\r\n\r\n{\"update_id\":")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// The rest of the body never comes: a server that reads it before the secret would still be waiting.
			String status = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
			assertThat(status).startsWith("HTTP/1.1 401");
		}
	}

	@Test
	void processesAPushOnceHoweverOftenTelegramRetriesIt() throws Exception {
		String update = telegram.message(502, 8002, 8002, "/start").toString();
		assertThat(post(update, SECRET)).isEqualTo(200);
		assertThat(post(update, SECRET)).isEqualTo(200);
		FakeBotApi.Call answer = telegram.awaitCall("sendMessage", c -> "8002".equals(c.param("chat_id")), WAIT);

		// A later update of the chat is processed after anything stored before it: its answer is the marker.
		assertThat(post(telegram.message(504, 8002, 8002, "/help").toString(), SECRET)).isEqualTo(200);
		FakeBotApi.Call marker = telegram.awaitCall("sendMessage",
				c -> "8002".equals(c.param("chat_id")) && c.atNanos() > answer.atNanos(), WAIT);
		assertThat(marker.param("text")).contains("/catalog");
		assertThat(telegram.calls("sendMessage").stream().filter(c -> "8002".equals(c.param("chat_id"))))
			.containsExactly(answer, marker);
	}

	@Test
	void refusesMalformedPushes() throws Exception {
		assertThat(post("{not json", SECRET)).isEqualTo(400);
	}

	private int post(String body, String secret) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (secret != null) {
			request.header(TelegramWebhook.SECRET_HEADER, secret);
		}
		return http.send(request.build(), BodyHandlers.discarding()).statusCode();
	}
}
