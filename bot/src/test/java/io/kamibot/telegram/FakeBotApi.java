package io.kamibot.telegram;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Fake Telegram Bot API on 127.0.0.1 so the real TelegramBots client can be tested offline. It
 * records every call, serves pushed updates through getUpdates with Telegram's offset rules, refunds a
 * Stars charge once (a repeated refundStarPayment gets Telegram's 400 CHARGE_ALREADY_REFUNDED), and
 * can inject failures (e.g. 429 with retry_after) and slow answers.
 */
public final class FakeBotApi implements AutoCloseable {

	/** One request as received; {@code failed} when the fake answered with an error. */
	public record Call(String method, JsonNode params, long atNanos, boolean failed) {

		/** A parameter as text (chat_id arrives as "42" from the client), or null. */
		public String param(String name) {
			JsonNode value = this.params.get(name);
			return (value == null || value.isNull()) ? null : value.asText();
		}

	}

	// TelegramBots requests lower-case paths ("sendmessage"); Telegram ignores case, so do we.
	private static final List<String> METHODS = List.of("getMe", "getUpdates", "deleteWebhook", "setWebhook",
			"answerCallbackQuery", "answerPreCheckoutQuery", "refundStarPayment", "sendMessage", "editMessageText",
			"sendInvoice", "sendDocument", "sendPhoto", "getFile");
	private static final long MAX_HOLD_MILLIS = 2000; // long polls are capped so tests stay fast

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)");
	private static final Pattern PART_NAME = Pattern.compile("[;\\s]name=\"([^\"]*)\"");
	private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");
	private record Failure(String method, String chatId, AtomicInteger remaining, int errorCode, Integer retryAfter) {
	}

	private final String token;
	private final ObjectMapper json = new ObjectMapper();
	private final Object lock = new Object(); // guards the lists below; also the wait/notify monitor

	private final List<Call> calls = new ArrayList<>();
	private final List<ObjectNode> updates = new ArrayList<>();
	private final List<Failure> failures = new ArrayList<>();
	private final Map<String, Duration> delays = new ConcurrentHashMap<>();
	private final AtomicInteger messageIds = new AtomicInteger(100);
	private final Map<String, byte[]> files = new ConcurrentHashMap<>();
	private final Map<String, Map.Entry<Integer, Duration>> slowFiles = new ConcurrentHashMap<>();
	private final Set<String> refundedCharges = ConcurrentHashMap.newKeySet();
	private long confirmedOffset;
	private boolean closed;
	private int active; // exchanges being handled, so close() can let their answers go out
	private HttpServer server;
	private ExecutorService executor;

	public FakeBotApi(String token) {
		this.token = token;
	}

	public void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		// Several threads so a held getUpdates never blocks sendMessage; daemons never pin the JVM.
		this.executor = Executors.newFixedThreadPool(8, (task) -> {
			Thread thread = new Thread(task, "fake-bot-api");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			this.lock.notifyAll(); // held getUpdates and delays answer now
			try { // let those answers go out, so clients see an empty poll rather than a broken connection
				waitUntil(System.nanoTime() + Duration.ofSeconds(1).toNanos(), () -> this.active == 0);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.server != null) {
			this.server.stop(0);
			this.executor.shutdownNow();
		}
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public String url() {
		return "http://127.0.0.1:" + port();
	}

	public List<Call> calls() {
		synchronized (this.lock) {
			return List.copyOf(this.calls);
		}
	}

	public List<Call> calls(String method) {
		return calls().stream().filter((call) -> call.method().equalsIgnoreCase(method)).toList();
	}

	/** First recorded call of {@code method} matching {@code match}, waiting up to {@code timeout}. */
	public Call awaitCall(String method, Predicate<Call> match, Duration timeout) {
		Predicate<Call> wanted = (call) -> call.method().equalsIgnoreCase(method) && match.test(call);
		synchronized (this.lock) {
			try {
				if (waitUntil(System.nanoTime() + timeout.toNanos(), () -> this.calls.stream().anyMatch(wanted))) {
					return this.calls.stream().filter(wanted).findFirst().orElseThrow();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new AssertionError("No matching " + method + " call within " + timeout + "; recorded: "
					+ this.calls.stream().map((c) -> c.method() + (c.failed() ? "(failed)" : "")).toList());
		}
	}

	/** Queues an update; the test chooses its update_id. */
	public void push(ObjectNode update) {
		synchronized (this.lock) {
			this.updates.add(update);
			this.lock.notifyAll(); // wakes a held getUpdates
		}
	}

	/** Updates pushed and not yet confirmed by a later getUpdates offset. */
	public int pending() {
		synchronized (this.lock) {
			return this.updates.size();
		}
	}

	/** Highest getUpdates offset seen: every update_id below it is confirmed. */
	public long confirmedOffset() {
		synchronized (this.lock) {
			return this.confirmedOffset;
		}
	}

	/** Text message in a private chat. */
	public ObjectNode message(long updateId, long chatId, long userId, String text) {
		return update(updateId).set("message", messageFrom(chatId, userId).put("text", text));
	}

	public ObjectNode callback(long updateId, long chatId, long userId, String data, int messageId) {
		ObjectNode query = this.json.createObjectNode().put("id", String.valueOf(updateId));
		query.set("from", user(userId));
		query.put("chat_instance", "ci").put("data", data);
		query.putObject("message").put("message_id", messageId).put("date", now()).put("text", "").set("chat",
				chat(chatId));
		return update(updateId).set("callback_query", query);
	}

	public ObjectNode preCheckout(long updateId, long userId, String currency, long totalAmount, String payload) {
		ObjectNode query = this.json.createObjectNode().put("id", "pcq-" + updateId);
		query.set("from", user(userId));
		query.put("currency", currency).put("total_amount", totalAmount).put("invoice_payload", payload);
		return update(updateId).set("pre_checkout_query", query);
	}

	public ObjectNode successfulPayment(long updateId, long chatId, long userId, String currency, long totalAmount,
			String payload, String chargeId) {
		ObjectNode message = messageFrom(chatId, userId);
		message.putObject("successful_payment").put("currency", currency).put("total_amount", totalAmount)
			.put("invoice_payload", payload).put("telegram_payment_charge_id", chargeId)
			.put("provider_payment_charge_id", "");
		return update(updateId).set("message", message);
	}

	/** The next {@code times} calls of {@code method} answer HTTP {@code errorCode} with Telegram's error body. */
	public void failNext(String method, int times, int errorCode, Integer retryAfterSeconds) {
		synchronized (this.lock) {
			this.failures.add(new Failure(method, null, new AtomicInteger(times), errorCode, retryAfterSeconds));
		}
	}

	/** Like {@link #failNext} with 429, but only for calls whose chat_id equals {@code chatId}. */
	public void failNextForChat(String method, String chatId, int times, int retryAfterSeconds) {
		synchronized (this.lock) {
			this.failures.add(new Failure(method, chatId, new AtomicInteger(times), 429, retryAfterSeconds));
		}
	}

	/** Answers of {@code method} are sent only after {@code d}. */
	public void delay(String method, Duration d) {
		this.delays.put(method.toLowerCase(Locale.ROOT), d);
	}

	private void handle(HttpExchange exchange) throws IOException {
		synchronized (this.lock) {
			this.active++;
		}
		try (exchange) {
			// Path is /bot<token>/<method>; a test-server client puts /test before the method.
			String[] segments = exchange.getRequestURI().getPath().split("/");
			if (segments.length > 3 && segments[1].equals("file")) {
				serveFile(exchange, segments);
				return;
			}
			String method = (segments.length > 2) ? segments[segments.length - 1] : "";
			ObjectNode params;
			try {
				params = parseParams(exchange);
			}
			catch (IOException | RuntimeException ex) {
				record(method, this.json.createObjectNode(), true);
				send(exchange, error(400, "Bad Request: " + ex.getMessage(), null));
				return;
			}
			if (segments.length < 2 || !segments[1].equals("bot" + this.token)) {
				record(method, params, true);
				send(exchange, error(401, "Unauthorized", null));
				return;
			}
			String known = METHODS.stream().filter(method::equalsIgnoreCase).findFirst().orElse(null);
			if (known == null) {
				record(method, params, true);
				send(exchange, error(404, "Not Found", null));
				return;
			}
			Failure failure = takeFailure(known, params.path("chat_id").asText(null));
			boolean refundedBefore = failure == null && known.equals("refundStarPayment")
					&& !this.refundedCharges.add(params.path("telegram_payment_charge_id").asText());
			record(known, params, failure != null || refundedBefore);
			Duration delay = this.delays.get(known.toLowerCase(Locale.ROOT));
			if (delay != null) {
				pause(delay.toNanos());
			}
			if (failure != null) {
				String description = switch (failure.errorCode()) {
					case 400 -> "Bad Request";
					case 403 -> "Forbidden: bot was blocked by the user";
					case 429 -> "Too Many Requests";
					default -> "Error " + failure.errorCode();
				};
				if (failure.retryAfter() != null) {
					description += ": retry after " + failure.retryAfter();
				}
				send(exchange, error(failure.errorCode(), description, failure.retryAfter()));
				return;
			}
			if (refundedBefore) {
				send(exchange, error(400, "Bad Request: CHARGE_ALREADY_REFUNDED", null));
				return;
			}
			ObjectNode ok = this.json.createObjectNode().put("ok", true);
			ok.set("result", result(known, params));
			send(exchange, ok);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // server is closing
		}
		finally {
			synchronized (this.lock) {
				this.active--;
				this.lock.notifyAll();
			}
		}
	}

	private JsonNode result(String method, ObjectNode params) throws InterruptedException {
		return switch (method) {
			case "getMe" -> this.json.createObjectNode().put("id", 999).put("is_bot", true)
				.put("first_name", "KamiBot").put("username", "kami_test_bot");
			case "getUpdates" -> poll(params.path("offset").asLong(0), params.path("limit").asInt(100),
					params.path("timeout").asInt(0));
			case "sendMessage", "editMessageText", "sendInvoice", "sendDocument", "sendPhoto" -> sent(method, params);
			case "getFile" -> file(params.path("file_id").asText());
			default -> this.json.getNodeFactory().booleanNode(true); // webhook, answers, refundStarPayment
		};
	}

	/** The Message Telegram returns for a send or edit. */
	private ObjectNode sent(String method, ObjectNode params) {
		ObjectNode message = this.json.createObjectNode();
		boolean edit = method.equals("editMessageText") && params.hasNonNull("message_id");
		message.put("message_id", edit ? params.get("message_id").asInt() : this.messageIds.incrementAndGet());
		message.put("date", now());
		// The client sends chat_id as a JSON string; Telegram answers with a numeric chat id.
		String chatId = params.path("chat_id").asText("");
		ObjectNode chat = message.putObject("chat");
		chat.set("id", chatId.matches("-?\\d+") ? this.json.getNodeFactory().numberNode(Long.parseLong(chatId))
				: this.json.getNodeFactory().textNode(chatId));
		chat.put("type", chatId.startsWith("-") ? "supergroup" : "private");
		for (String field : List.of("text", "caption")) {
			if (params.hasNonNull(field)) {
				message.put(field, params.get(field).asText());
			}
		}
		if (method.equals("sendInvoice")) {
			long total = 0;
			for (JsonNode price : params.path("prices")) {
				total += price.path("amount").asLong();
			}
			message.putObject("invoice").put("title", params.path("title").asText())
				.put("description", params.path("description").asText()).put("start_parameter", "")
				.put("currency", params.path("currency").asText()).put("total_amount", total);
		}
		return message;
	}

	/** A file the bot may fetch with getFile and download from /file/bot&lt;token&gt;/documents/&lt;id&gt;. */
	public void addFile(String fileId, byte[] content) {
		this.files.put(fileId, content);
	}

	/** The file is downloaded in {@code chunks} parts with {@code pause} before each, like a slow connection. */
	public void slowDownload(String fileId, int chunks, Duration pause) {
		this.slowFiles.put(fileId, Map.entry(chunks, pause));
	}

	/** A message carrying a document, as an admin sends it with a caption. */
	public ObjectNode document(long updateId, long chatId, long userId, String fileId, String fileName, String caption) {
		ObjectNode message = messageFrom(chatId, userId).put("caption", caption);
		byte[] content = this.files.getOrDefault(fileId, new byte[0]);
		message.putObject("document").put("file_id", fileId).put("file_unique_id", "u" + fileId)
			.put("file_name", fileName).put("mime_type", "text/plain").put("file_size", content.length);
		return update(updateId).set("message", message);
	}

	/** A message carrying a photo (one size), as a phone sends a picture taken at a counter. */
	public ObjectNode photo(long updateId, long chatId, long userId, String fileId) {
		ObjectNode message = messageFrom(chatId, userId);
		byte[] content = this.files.getOrDefault(fileId, new byte[0]);
		message.putArray("photo").addObject().put("file_id", fileId).put("file_unique_id", "u" + fileId)
			.put("width", 360).put("height", 360).put("file_size", content.length);
		return update(updateId).set("message", message);
	}

	private JsonNode file(String fileId) {
		byte[] content = this.files.get(fileId);
		if (content == null) {
			throw new IllegalArgumentException("Bad Request: invalid file_id");
		}
		return this.json.createObjectNode().put("file_id", fileId).put("file_unique_id", "u" + fileId)
			.put("file_size", content.length).put("file_path", "documents/" + fileId);
	}

	private void serveFile(HttpExchange exchange, String[] segments) throws IOException {
		byte[] content = segments[2].equals("bot" + this.token) ? this.files.get(segments[segments.length - 1]) : null;
		record("downloadFile", this.json.createObjectNode().put("file_id", segments[segments.length - 1]),
				content == null);
		if (content == null) {
			exchange.sendResponseHeaders(404, -1);
			return;
		}
		exchange.sendResponseHeaders(200, content.length);
		Map.Entry<Integer, Duration> slow = this.slowFiles.get(segments[segments.length - 1]);
		if (slow == null) {
			exchange.getResponseBody().write(content);
			return;
		}
		int chunk = (content.length + slow.getKey() - 1) / slow.getKey();
		for (int from = 0; from < content.length; from += chunk) {
			try {
				pause(slow.getValue().toNanos());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			exchange.getResponseBody().write(content, from, Math.min(chunk, content.length - from));
			exchange.getResponseBody().flush();
		}
	}

	/** Updates with update_id >= offset, in order; held while there are none. */
	private ArrayNode poll(long offset, int limit, int timeoutSeconds) throws InterruptedException {
		long deadline = System.nanoTime() + Math.min(Math.max(timeoutSeconds, 0) * 1000L, MAX_HOLD_MILLIS) * 1_000_000;
		Predicate<ObjectNode> ready = (update) -> update.path("update_id").asLong() >= offset;
		ArrayNode result = this.json.createArrayNode();
		synchronized (this.lock) {
			waitUntil(deadline, () -> this.closed || this.updates.stream().anyMatch(ready)); // push() wakes us
			this.updates.stream().filter(ready).limit(Math.max(limit, 1)).forEach((u) -> result.add(u.deepCopy()));
			return result;
		}
	}

	/** Sleeps, but wakes when the fake closes. */
	private void pause(long nanos) throws InterruptedException {
		synchronized (this.lock) {
			waitUntil(System.nanoTime() + nanos, () -> this.closed);
		}
	}

	/** Waits on the lock (held by the caller) until {@code done}; false if the deadline passed first. */
	private boolean waitUntil(long deadlineNanos, BooleanSupplier done) throws InterruptedException {
		while (!done.getAsBoolean()) {
			long left = deadlineNanos - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			this.lock.wait(Math.max(1, left / 1_000_000)); // every state change calls notifyAll
		}
		return true;
	}

	private Failure takeFailure(String method, String chatId) {
		synchronized (this.lock) {
			Failure hit = this.failures.stream()
				.filter((f) -> f.method().equalsIgnoreCase(method) && f.remaining().get() > 0)
				.filter((f) -> f.chatId() == null || f.chatId().equals(chatId))
				.min(Comparator.comparing((f) -> f.chatId() == null)) // one aimed at this chat wins
				.orElse(null);
			if (hit != null) {
				hit.remaining().decrementAndGet();
			}
			return hit;
		}
	}

	private void record(String method, JsonNode params, boolean failed) {
		synchronized (this.lock) {
			long offset = params.path("offset").asLong(0);
			if (method.equals("getUpdates") && !failed && offset > 0) {
				// Telegram's rule: an offset confirms (drops for good) every update below it. Done here so a
				// test that sees the recorded call also sees its confirmation.
				this.updates.removeIf((update) -> update.path("update_id").asLong() < offset);
				this.confirmedOffset = Math.max(this.confirmedOffset, offset);
			}
			this.calls.add(new Call(method, params, System.nanoTime(), failed));
			this.lock.notifyAll(); // wakes awaitCall
		}
	}

	private ObjectNode error(int code, String description, Integer retryAfter) {
		ObjectNode body = this.json.createObjectNode().put("ok", false).put("error_code", code);
		body.put("description", description);
		if (retryAfter != null) {
			body.putObject("parameters").put("retry_after", retryAfter);
		}
		return body;
	}

	private void send(HttpExchange exchange, ObjectNode body) throws IOException {
		byte[] bytes = this.json.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(body.path("ok").asBoolean() ? 200 : body.path("error_code").asInt(), bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/** Query string plus body (JSON, url-encoded form or multipart) as one object. */
	private ObjectNode parseParams(HttpExchange exchange) throws IOException {
		ObjectNode params = this.json.createObjectNode();
		parseForm(exchange.getRequestURI().getRawQuery(), params);
		byte[] body = exchange.getRequestBody().readAllBytes();
		String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
		Matcher boundary = BOUNDARY.matcher(type);
		if (body.length == 0) {
			return params;
		}
		if (type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			if (this.json.readTree(body) instanceof ObjectNode object) {
				params.setAll(object);
			}
		}
		else if (type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") && boundary.find()) {
			parseMultipart(body, boundary.group(1), params);
		}
		else {
			parseForm(new String(body, StandardCharsets.UTF_8), params);
		}
		return params;
	}

	private void parseForm(String raw, ObjectNode into) {
		if (raw == null || raw.isEmpty()) {
			return;
		}
		for (String pair : raw.split("&")) {
			String[] kv = pair.split("=", 2);
			putText(into, URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					(kv.length > 1) ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
		}
	}

	/**
	 * Text parts become params. A file travels as its own part, which the client names after the file and
	 * refers to as "document": "attach://codes.txt"; it is recorded as document_filename and document_bytes.
	 */
	private void parseMultipart(byte[] body, String boundary, ObjectNode into) {
		String raw = new String(body, StandardCharsets.ISO_8859_1); // one char per byte: indexes are byte offsets
		String delimiter = "--" + boundary;
		Map<String, Map.Entry<String, Integer>> files = new HashMap<>(); // part name -> (filename, size)
		int at = raw.indexOf(delimiter);
		while (at >= 0) {
			int start = at + delimiter.length() + 2; // past the CRLF ending the delimiter line
			int next = raw.indexOf(delimiter, start);
			int headersEnd = raw.indexOf("\r\n\r\n", start);
			if (next < 0 || headersEnd < 0 || headersEnd > next) {
				break; // nothing follows the closing "--boundary--"
			}
			String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
			int from = headersEnd + 4;
			int to = next - 2; // the CRLF before a delimiter belongs to the delimiter
			Matcher name = PART_NAME.matcher(headers);
			Matcher file = FILE_NAME.matcher(headers);
			String partName = name.find() ? name.group(1) : null;
			if (partName != null && file.find()) {
				files.put(partName, Map.entry(file.group(1), to - from));
			}
			else if (partName != null) {
				putText(into, partName, new String(body, from, to - from, StandardCharsets.UTF_8));
			}
			at = next;
		}
		files.forEach((part, file) -> {
			String field = part; // a plain upload (no attach://) is named after its field
			for (Iterator<String> names = into.fieldNames(); names.hasNext();) {
				String candidate = names.next();
				if (into.get(candidate).asText().equals("attach://" + part)) {
					field = candidate;
				}
			}
			into.put(field + "_filename", file.getKey()).put(field + "_bytes", file.getValue());
		});
	}

	/** Form values are text; JSON ones (reply_markup, prices) are kept as JSON, as a JSON body gives them. */
	private void putText(ObjectNode into, String key, String value) {
		String trimmed = value.trim();
		if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
			try {
				into.set(key, this.json.readTree(trimmed));
				return;
			}
			catch (IOException notJson) {
				// keep it as text
			}
		}
		into.put(key, value);
	}

	private ObjectNode update(long updateId) {
		return this.json.createObjectNode().put("update_id", updateId);
	}

	private ObjectNode messageFrom(long chatId, long userId) {
		ObjectNode message = this.json.createObjectNode().put("message_id", this.messageIds.incrementAndGet());
		message.put("date", now());
		message.set("from", user(userId));
		message.set("chat", chat(chatId));
		return message;
	}

	private ObjectNode user(long id) {
		return this.json.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "Test")
			.put("language_code", "zh-hans");
	}

	private ObjectNode chat(long id) {
		// Group and supergroup ids are negative.
		return this.json.createObjectNode().put("id", id).put("type", id < 0 ? "supergroup" : "private");
	}

	private static long now() {
		return System.currentTimeMillis() / 1000;
	}

}
