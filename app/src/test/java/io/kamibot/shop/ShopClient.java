package io.kamibot.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.kamibot.testing.Codes;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Talks to a running shop over its public HTTP contract, as an outside client would. Like the chat page, it keeps
 * the token each web chat's first answer brings and sends it with the chat's later calls. Its web chat calls come
 * from one client address of its own, sent as {@code X-Forwarded-For} through the test shops' trusted proxy (the
 * loopback, see {@code config/application.properties}), so the limits per address of one test never meet another's.
 */
public class ShopClient {

	public static final String CHAT_TOKEN = "X-Chat-Token";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;
	private final String adminToken;
	private final String address;
	private final Map<String, String> chatTokens = new ConcurrentHashMap<>();

	public ShopClient(int port, String adminToken) {
		this(port, adminToken, randomAddress());
	}

	/** @param address the client address its web chat calls come from */
	public ShopClient(int port, String adminToken, String address) {
		this.base = "http://127.0.0.1:" + port;
		this.adminToken = adminToken;
		this.address = address;
	}

	/** A web chat message; returns the replies. */
	public JsonNode say(String chatId, String text) {
		return ok(chat("POST", chatId, "messages", json("text", text)));
	}

	/** A button press in the web chat; returns the replies. */
	public JsonNode press(String chatId, String data) {
		return ok(chat("POST", chatId, "callbacks", json("data", data)));
	}

	/** Messages that arrived in the web chat between calls, as the page polls for them. */
	public JsonNode receive(String chatId) {
		return ok(chat("GET", chatId, "messages", null));
	}

	/**
	 * Polls the web chat, as the page does, until a reply with codes came: delivery runs after the payment's answer,
	 * so the codes reach the chat a moment after it. Returns every reply received until then, in order.
	 */
	public JsonNode awaitCodes(String chatId) {
		ArrayNode received = JSON.createArrayNode();
		Awaitility.await("codes in web chat " + chatId)
			.atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				receive(chatId).get("replies").forEach(received::add);
				return received.valueStream().anyMatch(reply -> reply.has("codes") && !reply.get("codes").isEmpty());
			});
		return JSON.createObjectNode().set("replies", received);
	}

	/** The codes of the first reply that carries some; fails when none does. */
	public static JsonNode codes(JsonNode replies) {
		return replies.get("replies").valueStream()
			.filter(reply -> reply.has("codes") && !reply.get("codes").isEmpty())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no codes in " + replies))
			.get("codes");
	}

	/**
	 * One web chat call with the chat's token when it has one; keeps a token the answer brings.
	 *
	 * @param body JSON, or {@code null} for a GET
	 */
	public HttpResponse<String> chat(String method, String chatId, String endpoint, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/webchat/" + chatId + "/" + endpoint))
			.timeout(Duration.ofSeconds(30))
			.header("X-Forwarded-For", address);
		if (body != null) {
			request.header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
		}
		String token = chatTokens.get(chatId);
		if (token != null) {
			request.header(CHAT_TOKEN, token);
		}
		HttpResponse<String> response = send(request);
		if (response.statusCode() == 200) {
			JsonNode issued = parse(response.body()).get("chatToken");
			if (issued != null && issued.isString()) {
				chatTokens.put(chatId, issued.asString());
			}
		}
		return response;
	}

	/** The token the chat was bound to, as its first answer brought it, or {@code null}. */
	public String chatToken(String chatId) {
		return chatTokens.get(chatId);
	}

	/** Sends this token with the chat's later calls, as a client that learnt or guessed it would. */
	public ShopClient useChatToken(String chatId, String token) {
		chatTokens.put(chatId, token);
		return this;
	}

	public HttpResponse<String> post(String path, String body, String contentType, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.POST(BodyPublishers.ofString(body));
		return send(token == null ? request : request.header("Authorization", "Bearer " + token));
	}

	public HttpResponse<String> put(String path, String body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(body));
		return send(token == null ? request : request.header("Authorization", "Bearer " + token));
	}

	public HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		return send(token == null ? request : request.header("Authorization", "Bearer " + token));
	}

	public HttpResponse<String> importCodes(String sku, String lines) {
		return post("/api/admin/products/" + sku + "/stock", lines, "text/plain; charset=utf-8", adminToken);
	}

	public HttpResponse<String> saveProduct(String sku, String json) {
		return put("/api/admin/products/" + sku, json, adminToken);
	}

	/** Saves the product and puts {@code codes} codes on sale ({@code SKU-CODE-0000} …); returns the SKU. */
	public String stocked(String sku, String productJson, int codes) {
		ok(saveProduct(sku, productJson));
		if (codes > 0) {
			ok(importCodes(sku, Codes.lines(sku + "-CODE", codes)));
		}
		return sku;
	}

	public JsonNode levels(String sku) {
		return ok(get("/api/admin/products/" + sku + "/stock", adminToken));
	}

	public static JsonNode parse(String body) {
		return JSON.readTree(body);
	}

	public static JsonNode ok(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new AssertionError("Expected 200, got " + response.statusCode() + ": " + response.body());
		}
		return parse(response.body());
	}

	/** The data of every button in the replies. */
	public static List<String> buttons(JsonNode replies) {
		List<String> data = new ArrayList<>();
		for (JsonNode reply : replies.get("replies")) {
			for (JsonNode row : reply.get("buttons")) {
				for (JsonNode button : row) {
					data.add(button.get("data").asString());
				}
			}
		}
		return data;
	}

	/** All reply texts joined by new lines. */
	public static String text(JsonNode replies) {
		List<String> texts = new ArrayList<>();
		replies.get("replies").forEach(reply -> texts.add(reply.get("text").asString()));
		return String.join("\n", texts);
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	public static String json(String field, String value) {
		return JSON.createObjectNode().put(field, value).toString();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
