package io.kamibot.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kamibot.shop.ShopClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A buyer in the web chat, speaking its HTTP JSON as the page does. When the shop hands out a chat token with a chat's
 * answer ({@code chatToken}), it is kept and sent as {@code X-Chat-Token} with every later call of that chat; the map
 * of tokens outlives the app's restarts, as a buyer's browser does.
 */
final class WebBuyer {

	/** @param codes the codes the buyer was shown; empty when none were */
	record Purchase(String chatId, String orderNo, List<String> codes) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PAY = "pay:sandbox:";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();
	private final String base;
	private final Map<String, String> tokens;
	private final Duration timeout;

	WebBuyer(int port, Map<String, String> tokens) {
		this(port, tokens, Duration.ofSeconds(60));
	}

	WebBuyer(int port, Map<String, String> tokens, Duration timeout) {
		this.base = "http://127.0.0.1:" + port + "/api/webchat/";
		this.tokens = tokens;
		this.timeout = timeout;
	}

	/** A chat id no one used before. */
	static String newChatId(String prefix) {
		byte[] random = new byte[8];
		RANDOM.nextBytes(random);
		return prefix + "-" + HexFormat.of().formatHex(random);
	}

	/**
	 * {@code /buy SKU QTY}, then the sandbox pay button, then the codes as the chat shows them.
	 *
	 * @return the order and the codes shown, or empty when no order was placed (out of stock, for one)
	 */
	Optional<Purchase> buy(String chatId, String sku, int quantity) {
		JsonNode placed = say(chatId, "/buy " + sku + " " + quantity);
		Optional<String> pay = ShopClient.buttons(placed).stream().filter(data -> data.startsWith(PAY)).findFirst();
		if (pay.isEmpty()) {
			return Optional.empty();
		}
		List<String> codes = codes(press(chatId, pay.get()));
		if (codes.isEmpty()) {
			codes = awaitCodes(chatId);
		}
		return Optional.of(new Purchase(chatId, pay.get().substring(PAY.length()), codes));
	}

	/**
	 * Delivery runs after the payment's answer: polls the chat, as the page does, until the codes came, for at most
	 * the call timeout; none when they did not come by then (the order waits for stock, or the app died).
	 */
	private List<String> awaitCodes(String chatId) {
		List<String> codes = new ArrayList<>();
		try {
			Awaitility.await("codes in web chat " + chatId)
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> codes.addAll(codes(waiting(chatId))));
		}
		catch (ConditionTimeoutException e) {
			return List.of();
		}
		return codes;
	}

	JsonNode say(String chatId, String text) {
		return call(chatId, "messages", JSON.createObjectNode().put("text", text).toString());
	}

	JsonNode press(String chatId, String data) {
		return call(chatId, "callbacks", JSON.createObjectNode().put("data", data).toString());
	}

	JsonNode waiting(String chatId) {
		return call(chatId, "messages", null);
	}

	static List<String> codes(JsonNode replies) {
		List<String> codes = new ArrayList<>();
		for (JsonNode reply : replies.get("replies")) {
			JsonNode shown = reply.get("codes");
			if (shown != null && shown.isArray()) {
				shown.forEach(code -> codes.add(code.asString()));
			}
		}
		return codes;
	}

	private JsonNode call(String chatId, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + chatId + "/" + path)).timeout(timeout);
		request = body == null ? request.GET()
				: request.header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
		String token = tokens.get(chatId);
		if (token != null) {
			request.header("X-Chat-Token", token);
		}
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " from " + path + ": " + response.body());
		}
		JsonNode answer = JSON.readTree(response.body());
		JsonNode handed = answer.get("chatToken");
		if (handed != null && handed.isString() && !handed.asString().isEmpty()) {
			tokens.put(chatId, handed.asString());
		}
		return answer;
	}
}
