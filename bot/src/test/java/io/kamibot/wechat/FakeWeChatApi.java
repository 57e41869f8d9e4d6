package io.kamibot.wechat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A WeChat API server on loopback, enough for the Official Account channel: access tokens, customer-service
 * messages and temporary media. It checks the AppId and secret, and the access token of every call; it can refuse
 * messages to buyers whose 48-hour window is closed (45015), as WeChat does.
 */
public final class FakeWeChatApi implements AutoCloseable {

	/** A customer-service message WeChat accepted (or refused, then {@code errcode} is set). */
	public record Sent(String toUser, String type, String content, String mediaId, int errcode) {
	}

	private final String appId;
	private final String secret;
	private final List<Sent> sent = new ArrayList<>();
	private final Map<String, byte[]> media = new ConcurrentHashMap<>();
	private final Set<String> windowClosed = ConcurrentHashMap.newKeySet();
	private final AtomicInteger tokens = new AtomicInteger();
	private final AtomicInteger uploads = new AtomicInteger();
	private volatile String currentToken;
	private volatile JsonObject menu;
	private HttpServer server;

	public FakeWeChatApi(String appId, String secret) {
		this.appId = appId;
		this.secret = secret;
	}

	public void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/cgi-bin/token", this::token);
		server.createContext("/cgi-bin/message/custom/send", this::customSend);
		server.createContext("/cgi-bin/media/upload", this::upload);
		server.createContext("/cgi-bin/menu/create", this::menuCreate);
		server.start();
	}

	/**
	 * Starts the fake and points the application under test at it, as an Official Account with this AppId and
	 * secret and the tests' token and AES key ({@link WeChatChannelTest#TOKEN}, {@link WeChatChannelTest#AES_KEY}).
	 */
	public void startFor(DynamicPropertyRegistry registry) throws IOException {
		start();
		registry.add("kamibot.wechat.app-id", () -> appId);
		registry.add("kamibot.wechat.secret", () -> secret);
		registry.add("kamibot.wechat.token", () -> WeChatChannelTest.TOKEN);
		registry.add("kamibot.wechat.aes-key", () -> WeChatChannelTest.AES_KEY);
		registry.add("kamibot.wechat.api-url", this::url);
	}

	@Override
	public void close() {
		if (server != null) {
			server.stop(0);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** WeChat refuses customer-service messages to this buyer until {@link #openWindow(String)}. */
	public void closeWindow(String openId) {
		windowClosed.add(openId);
	}

	public void openWindow(String openId) {
		windowClosed.remove(openId);
	}

	public int tokensIssued() {
		return tokens.get();
	}

	public synchronized List<Sent> sent() {
		return List.copyOf(sent);
	}

	public synchronized List<Sent> sentTo(String openId) {
		return sent.stream().filter(s -> s.toUser().equals(openId)).toList();
	}

	public byte[] media(String mediaId) {
		return media.get(mediaId);
	}

	/** Waits (boundedly) until a message to the buyer matches, and returns it. */
	public Sent await(String openId, Predicate<Sent> match, Duration timeout) {
		return Awaitility.await()
			.alias("a matching message to " + openId)
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> sentTo(openId).stream().filter(match).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange);
		if (!appId.equals(query.get("appid")) || !secret.equals(query.get("secret"))) {
			answer(exchange, "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}");
			return;
		}
		currentToken = "ACCESS-" + tokens.incrementAndGet();
		answer(exchange, "{\"access_token\":\"" + currentToken + "\",\"expires_in\":7200}");
	}

	private void customSend(HttpExchange exchange) throws IOException {
		if (!authorised(exchange)) {
			return;
		}
		JsonObject message = JsonParser.parseString(new String(body(exchange), StandardCharsets.UTF_8)).getAsJsonObject();
		String to = message.get("touser").getAsString();
		String type = message.get("msgtype").getAsString();
		String content = "text".equals(type) ? message.getAsJsonObject("text").get("content").getAsString() : null;
		String mediaId = "image".equals(type) ? message.getAsJsonObject("image").get("media_id").getAsString() : null;
		int errcode = windowClosed.contains(to) ? 45015 : 0;
		synchronized (this) {
			sent.add(new Sent(to, type, content, mediaId, errcode));
		}
		answer(exchange, errcode == 0 ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
				: "{\"errcode\":45015,\"errmsg\":\"response out of time limit or subscription is canceled\"}");
	}

	private void upload(HttpExchange exchange) throws IOException {
		if (!authorised(exchange)) {
			return;
		}
		byte[] body = body(exchange);
		int png = indexOf(body, new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		String mediaId = "MEDIA-" + uploads.incrementAndGet();
		// The multipart part ends with CRLF and the boundary; keep the bytes from the PNG signature on.
		media.put(mediaId, png < 0 ? new byte[0] : java.util.Arrays.copyOfRange(body, png, body.length));
		answer(exchange, "{\"type\":\"image\",\"media_id\":\"" + mediaId + "\",\"created_at\":1714036504}");
	}

	/** The account's bottom menu as last created, or {@code null}. */
	public JsonObject menu() {
		return menu;
	}

	/** Creates the menu after WeChat's checks: 1-3 buttons, names of at most 16 bytes, keys of at most 128. */
	private void menuCreate(HttpExchange exchange) throws IOException {
		if (!authorised(exchange)) {
			return;
		}
		JsonObject created = JsonParser.parseString(new String(body(exchange), StandardCharsets.UTF_8)).getAsJsonObject();
		var buttons = created.getAsJsonArray("button");
		if (buttons == null || buttons.isEmpty() || buttons.size() > 3) {
			answer(exchange, "{\"errcode\":40017,\"errmsg\":\"invalid button type\"}");
			return;
		}
		for (var element : buttons) {
			JsonObject button = element.getAsJsonObject();
			if (button.get("name").getAsString().getBytes(StandardCharsets.UTF_8).length > 16) {
				answer(exchange, "{\"errcode\":40018,\"errmsg\":\"invalid button name size\"}");
				return;
			}
			if (button.has("key") && button.get("key").getAsString().getBytes(StandardCharsets.UTF_8).length > 128) {
				answer(exchange, "{\"errcode\":40019,\"errmsg\":\"invalid button key size\"}");
				return;
			}
		}
		menu = created;
		answer(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
	}

	private boolean authorised(HttpExchange exchange) throws IOException {
		String token = query(exchange).get("access_token");
		if (token == null || !token.equals(currentToken)) {
			answer(exchange, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
			return false;
		}
		return true;
	}

	private static byte[] body(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			in.transferTo(out);
			return out.toByteArray();
		}
	}

	private static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> query = new HashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return query;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static void answer(HttpExchange exchange, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}
}
