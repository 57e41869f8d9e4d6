package io.kamibot.adminchat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

/**
 * A WeCom group robot on 127.0.0.1: {@code POST /cgi-bin/webhook/send?key=KEY} with a JSON message, answered
 * {@code {"errcode":0,"errmsg":"ok"}}; checks the robot's size limits (text 2048 bytes) and can answer errors.
 */
public final class FakeWecomRobot implements AutoCloseable {

	/** One message the robot took, or refused. */
	public record Received(String key, JsonNode message, int errcode) {

		public String text() {
			return message.path("text").path("content").asText("");
		}
	}

	private final ObjectMapper json = new ObjectMapper();
	private final List<Received> received = new ArrayList<>();
	private final AtomicInteger failures = new AtomicInteger();
	private HttpServer server;

	public void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/cgi-bin/webhook/send", this::handle);
		server.start();
	}

	/** The webhook URL of a robot with this key. */
	public String webhook(String key) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send?key=" + key;
	}

	/** The next {@code times} messages are answered errcode 45009 (over the robot's limit). */
	public void failNext(int times) {
		failures.set(times);
	}

	public synchronized List<Received> received(Predicate<Received> match) {
		return received.stream().filter(r -> r.errcode() == 0).filter(match).toList();
	}

	/** Messages the robot answered with a non-zero errcode. */
	public synchronized List<Received> refused() {
		return received.stream().filter(r -> r.errcode() != 0).toList();
	}

	/** Waits for a message the robot took that matches. */
	public Received await(Predicate<Received> match, Duration timeout) {
		return Awaitility.await()
			.alias("a matching robot message")
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> received(match), found -> !found.isEmpty())
			.get(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String query = exchange.getRequestURI().getQuery();
			String key = query != null && query.startsWith("key=") ? query.substring(4) : null;
			byte[] body = exchange.getRequestBody().readAllBytes();
			JsonNode message = json.readTree(body);
			int errcode = 0;
			String content = message.path("text").path("content").asText("");
			if (key == null || !"POST".equals(exchange.getRequestMethod())) {
				errcode = 93000;
			}
			else if (content.getBytes(StandardCharsets.UTF_8).length > 2048) {
				errcode = 40058;
			}
			else if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				errcode = 45009;
			}
			synchronized (this) {
				received.add(new Received(key, message, errcode));
			}
			byte[] answer = json.writeValueAsBytes(json.createObjectNode().put("errcode", errcode)
				.put("errmsg", errcode == 0 ? "ok" : "error " + errcode));
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
		}
	}

	@Override
	public void close() {
		if (server != null) {
			server.stop(0);
		}
	}
}
