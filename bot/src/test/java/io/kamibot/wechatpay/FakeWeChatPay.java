package io.kamibot.wechatpay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kamibot.pem.FakeGatewayKeys;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fake WeChat Pay v3 API on 127.0.0.1, so the real WxJava client can be tested offline. Keys are generated when it
 * is made: the merchant's key pair (the shop signs requests with it; the fake checks every {@code Authorization}),
 * the platform's key pair (the fake signs every response and notification with it), a 32-character APIv3 key and a
 * public-key id containing {@code PUB_KEY_ID}. It implements Native and JSAPI ordering, the order query by
 * {@code out_trade_no}, refunds (one per {@code out_refund_no}, never more than a transaction brought) and the refund
 * query by {@code out_refund_no}; records every call; and builds signed, encrypted payment notifications, also
 * tampered ones, for {@code POST /wechat/pay/notify}.
 */
public final class FakeWeChatPay implements AutoCloseable {

	/** One request as received; {@code authorized} when its merchant signature was good. */
	public record Call(String method, String path, String query, String body, boolean authorized) {

		public JsonObject json() {
			return JsonParser.parseString(body).getAsJsonObject();
		}
	}

	/** A notification ready to send: the headers WeChat Pay sends, and the raw body. */
	public record Notify(Map<String, String> headers, String body) {

		private static final HttpClient HTTP = HttpClient.newHttpClient();

		public Notify without(String header) {
			Map<String, String> fewer = new LinkedHashMap<>(headers);
			fewer.remove(header);
			return new Notify(fewer, body);
		}

		/** POSTs it to {@code url} (e.g. {@code http://127.0.0.1:PORT/wechat/pay/notify}); the HTTP status. */
		public int send(String url) {
			return sendForBody(url).statusCode();
		}

		public java.net.http.HttpResponse<String> sendForBody(String url) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			headers.forEach(request::header);
			try {
				return HTTP.send(request.build(), BodyHandlers.ofString());
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

	/** Builds a notification; by default a correctly signed TRANSACTION.SUCCESS for our merchant, sent now. */
	public final class NotifyBuilder {

		private final String outTradeNo;
		private final long totalFen;
		private Instant at; // no default: the real time would pass only while the shop's clock is near it
		private String mchid = MCH_ID;
		private String appid = APP_ID;
		private String transactionId;
		private String tradeState = "SUCCESS";
		private String serial = publicKeyId;
		private boolean signTest;
		private boolean badSignature;

		private NotifyBuilder(String outTradeNo, long totalFen) {
			this.outTradeNo = outTradeNo;
			this.totalFen = totalFen;
			this.transactionId = transactionIdOf(outTradeNo);
		}

		/** The Wechatpay-Timestamp (and create time). */
		public NotifyBuilder at(Instant instant) {
			this.at = instant;
			return this;
		}

		public NotifyBuilder mchid(String mchid) {
			this.mchid = mchid;
			return this;
		}

		public NotifyBuilder appid(String appid) {
			this.appid = appid;
			return this;
		}

		public NotifyBuilder transactionId(String transactionId) {
			this.transactionId = transactionId;
			return this;
		}

		public NotifyBuilder tradeState(String tradeState) {
			this.tradeState = tradeState;
			return this;
		}

		/** The Wechatpay-Serial header, normally our public-key id. */
		public NotifyBuilder serial(String serial) {
			this.serial = serial;
			return this;
		}

		/** One of the probes WeChat Pay sends on purpose: signature {@code WECHATPAY/SIGNTEST/…}. */
		public NotifyBuilder signTest() {
			this.signTest = true;
			return this;
		}

		/** Signed, but the body is changed after signing. */
		public NotifyBuilder badSignature() {
			this.badSignature = true;
			return this;
		}

		public Notify build() {
			if (at == null) {
				throw new IllegalStateException("Say when WeChat sent it (at(...)), by the shop's clock");
			}
			JsonObject transaction = new JsonObject();
			transaction.addProperty("mchid", mchid);
			transaction.addProperty("appid", appid);
			transaction.addProperty("out_trade_no", outTradeNo);
			transaction.addProperty("transaction_id", transactionId);
			transaction.addProperty("trade_type", "NATIVE");
			transaction.addProperty("trade_state", tradeState);
			transaction.addProperty("trade_state_desc", "支付成功");
			transaction.addProperty("bank_type", "OTHERS");
			transaction.addProperty("success_time", RFC3339.format(at.truncatedTo(ChronoUnit.SECONDS)));
			transaction.add("payer", object("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
			JsonObject amount = new JsonObject();
			amount.addProperty("total", totalFen);
			amount.addProperty("payer_total", totalFen);
			amount.addProperty("currency", "CNY");
			amount.addProperty("payer_currency", "CNY");
			transaction.add("amount", amount);
			if ("SUCCESS".equals(tradeState) && MCH_ID.equals(mchid)) {
				paid(outTradeNo, transactionId, totalFen);
			}

			String nonce = random(12);
			JsonObject resource = new JsonObject();
			resource.addProperty("original_type", "transaction");
			resource.addProperty("algorithm", "AEAD_AES_256_GCM");
			resource.addProperty("ciphertext", encrypt(transaction.toString(), "transaction", nonce));
			resource.addProperty("associated_data", "transaction");
			resource.addProperty("nonce", nonce);
			JsonObject event = new JsonObject();
			event.addProperty("id", "EV-" + random(16));
			event.addProperty("create_time", RFC3339.format(at.truncatedTo(ChronoUnit.SECONDS)));
			event.addProperty("resource_type", "encrypt-resource");
			event.addProperty("event_type", "TRANSACTION.SUCCESS");
			event.addProperty("summary", "支付成功");
			event.add("resource", resource);
			String body = event.toString();

			String timestamp = String.valueOf(at.getEpochSecond());
			String headerNonce = random(32);
			String signature = signTest ? "WECHATPAY/SIGNTEST/" + sign(timestamp, headerNonce, body)
					: sign(timestamp, headerNonce, body);
			if (badSignature) {
				body = body.replace("\"summary\":\"支付成功\"", "\"summary\":\"支付成功 \"");
			}
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/json");
			headers.put("Wechatpay-Timestamp", timestamp);
			headers.put("Wechatpay-Nonce", headerNonce);
			headers.put("Wechatpay-Signature", signature);
			headers.put("Wechatpay-Serial", serial);
			return new Notify(headers, body);
		}
	}

	public static final String MCH_ID = "1900009191";
	public static final String APP_ID = "wxd678efh567hg6787";
	public static final String API_HOST = "api.mch.weixin.qq.com";
	public static final String NOTIFY_URL = "https://shop.example/wechat/pay/notify";
	private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME
		.withZone(ZoneId.of("Asia/Shanghai"));
	private static final Pattern AUTH_FIELD = Pattern.compile("(\\w+)=\"([^\"]*)\"");
	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	/** A Native trade has a {@code codeUrl}; a JSAPI one a {@code prepayId} and the payer's {@code openid}. */
	private record Trade(String outTradeNo, String appid, long total, String description, String notifyUrl,
			String timeExpire, String codeUrl, String prepayId, String openid, String transactionId) {

		Trade paidAs(String id) {
			return new Trade(outTradeNo, appid, total, description, notifyUrl, timeExpire, codeUrl, prepayId, openid,
					id);
		}
	}

	private record Failure(String pathPrefix, int status, String code, int[] remaining) {
	}

	/** A payment WeChat Pay took: which order, how much. */
	private record Transaction(String outTradeNo, long total) {
	}

	private final SecureRandom random = new SecureRandom();
	private final KeyPair merchant = FakeGatewayKeys.named("wechatpay-merchant");
	private final KeyPair platform = FakeGatewayKeys.named("wechatpay-platform");
	private final String merchantSerial = random(40).toUpperCase();
	private final String apiV3Key = random(32);
	private final String publicKeyId = "PUB_KEY_ID_0119" + (1_000_000_000L + random.nextInt(1_000_000_000));

	private final Object lock = new Object(); // guards the collections below
	private final List<Call> calls = new ArrayList<>();
	private final Map<String, Trade> trades = new HashMap<>();
	private final Map<String, JsonObject> refunds = new HashMap<>();
	private final Map<String, Transaction> transactions = new HashMap<>();
	private final List<Failure> failures = new ArrayList<>();
	private HttpServer server;
	private ExecutorService executor;

	public void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		executor = Executors.newFixedThreadPool(4, task -> {
			Thread thread = new Thread(task, "fake-wechat-pay");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		server.createContext("/", this::handle);
		server.start();
	}

	@Override
	public void close() {
		if (server != null) {
			server.stop(0);
			executor.shutdownNow();
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Starts the fake and points the application under test at it. */
	public void startFor(DynamicPropertyRegistry registry) throws IOException {
		start();
		properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	/** Every {@code kamibot.wechatpay.*} property that points the shop at this fake. */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("kamibot.wechatpay.mch-id", MCH_ID);
		properties.put("kamibot.wechatpay.app-id", APP_ID);
		properties.put("kamibot.wechatpay.merchant-key", pem("PRIVATE KEY", merchant.getPrivate().getEncoded()));
		properties.put("kamibot.wechatpay.merchant-serial", merchantSerial);
		properties.put("kamibot.wechatpay.api-v3-key", apiV3Key);
		properties.put("kamibot.wechatpay.platform-public-key", pem("PUBLIC KEY", platform.getPublic().getEncoded()));
		properties.put("kamibot.wechatpay.platform-public-key-id", publicKeyId);
		properties.put("kamibot.wechatpay.notify-url", NOTIFY_URL);
		// WxJava signs and verifies only for hosts under .mch.weixin.qq.com: connect that name to this fake.
		properties.put("kamibot.wechatpay.api-url", "http://" + API_HOST + ":" + server.getAddress().getPort());
		properties.put("kamibot.wechatpay.api-host-address", "127.0.0.1");
		return properties;
	}

	public String publicKeyId() {
		return publicKeyId;
	}

	public List<Call> calls() {
		synchronized (lock) {
			return List.copyOf(calls);
		}
	}

	/** Calls whose path starts with {@code pathPrefix}, e.g. {@code /v3/refund}. */
	public List<Call> calls(String pathPrefix) {
		return calls().stream().filter(c -> c.path().startsWith(pathPrefix)).toList();
	}

	/** The code_url of a Native order, when one was created. */
	public Optional<String> codeUrl(String outTradeNo) {
		synchronized (lock) {
			return Optional.ofNullable(trades.get(outTradeNo)).map(Trade::codeUrl);
		}
	}

	/** The buyer pays the order (its query then says SUCCESS) but no notification is sent; the transaction id. */
	public String markPaid(String outTradeNo) {
		String transactionId = transactionIdOf(outTradeNo);
		long total;
		synchronized (lock) {
			Trade trade = trades.get(outTradeNo);
			if (trade == null) {
				throw new IllegalStateException("No order " + outTradeNo);
			}
			total = trade.total();
		}
		paid(outTradeNo, transactionId, total);
		return transactionId;
	}

	/** The refunds WeChat Pay made (or is making), as its refund query shows them. */
	public List<JsonObject> refunds() {
		synchronized (lock) {
			return refunds.values().stream().map(JsonObject::deepCopy).toList();
		}
	}

	/** WeChat Pay finishes a refund: its query now says {@code status} (SUCCESS, CLOSED, ABNORMAL). */
	public void settleRefund(String outRefundNo, String status) {
		synchronized (lock) {
			refunds.get(outRefundNo).addProperty("status", status);
		}
	}

	/** The transaction id WeChat Pay gives the payment of this order. */
	public String transactionIdOf(String outTradeNo) {
		return "4200" + String.format("%024d", Math.abs((long) outTradeNo.hashCode()) * 7919L);
	}

	/** The next {@code times} requests to a path starting with {@code pathPrefix} fail with this WeChat error. */
	public void failNext(String pathPrefix, int times, int status, String code) {
		synchronized (lock) {
			failures.add(new Failure(pathPrefix, status, code, new int[] { times }));
		}
	}

	public NotifyBuilder notify(String outTradeNo, long totalFen) {
		return new NotifyBuilder(outTradeNo, totalFen);
	}

	/** A correctly signed notification that the order was paid {@code totalFen}, sent now. */
	/** A correctly signed TRANSACTION.SUCCESS, stamped {@code at}: the shop judges the stamp by its own clock. */
	public Notify paidNotify(String outTradeNo, long totalFen, Instant at) {
		return notify(outTradeNo, totalFen).at(at).build();
	}

	private void paid(String outTradeNo, String transactionId, long total) {
		synchronized (lock) {
			Trade trade = trades.get(outTradeNo);
			if (trade != null) {
				trades.put(outTradeNo, trade.paidAs(transactionId));
			}
			transactions.put(transactionId, new Transaction(outTradeNo, total));
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getRawPath();
			String query = exchange.getRequestURI().getRawQuery();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean authorized = authorized(exchange, method, path, query, body);
			Failure failure;
			synchronized (lock) {
				calls.add(new Call(method, path, query, body, authorized));
				failure = failures.stream().filter(f -> path.startsWith(f.pathPrefix()) && f.remaining()[0] > 0)
					.findFirst().orElse(null);
				if (failure != null && authorized) {
					failure.remaining()[0]--;
				}
			}
			if (!authorized) {
				error(exchange, 401, "SIGN_ERROR", "签名错误");
			}
			else if (failure != null) {
				error(exchange, failure.status(), failure.code(), "injected failure");
			}
			else if (method.equals("POST") && path.equals("/v3/pay/transactions/native")) {
				nativeOrder(exchange, JsonParser.parseString(body).getAsJsonObject());
			}
			else if (method.equals("POST") && path.equals("/v3/pay/transactions/jsapi")) {
				jsapiOrder(exchange, JsonParser.parseString(body).getAsJsonObject());
			}
			else if (method.equals("GET") && path.startsWith("/v3/pay/transactions/out-trade-no/")) {
				query(exchange, path.substring("/v3/pay/transactions/out-trade-no/".length()), query);
			}
			else if (method.equals("POST") && path.equals("/v3/refund/domestic/refunds")) {
				refund(exchange, JsonParser.parseString(body).getAsJsonObject());
			}
			else if (method.equals("GET") && path.startsWith("/v3/refund/domestic/refunds/")) {
				refundQuery(exchange, path.substring("/v3/refund/domestic/refunds/".length()));
			}
			else {
				error(exchange, 404, "NOT_FOUND", "no such API");
			}
		}
		catch (RuntimeException e) {
			error(exchange, 400, "PARAM_ERROR", String.valueOf(e.getMessage()));
		}
	}

	private void nativeOrder(HttpExchange exchange, JsonObject request) throws IOException {
		String outTradeNo = request.get("out_trade_no").getAsString();
		long total = request.getAsJsonObject("amount").get("total").getAsLong();
		if (!MCH_ID.equals(request.get("mchid").getAsString()) || !APP_ID.equals(request.get("appid").getAsString())) {
			error(exchange, 400, "PARAM_ERROR", "mchid与appid不匹配");
			return;
		}
		if (outTradeNo.length() < 6 || outTradeNo.length() > 32 || total < 1
				|| !"CNY".equals(request.getAsJsonObject("amount").get("currency").getAsString())) {
			error(exchange, 400, "PARAM_ERROR", "参数错误");
			return;
		}
		Trade trade;
		synchronized (lock) {
			trade = trades.get(outTradeNo);
			if (trade == null) {
				trade = new Trade(outTradeNo, APP_ID, total, request.get("description").getAsString(),
						request.get("notify_url").getAsString(), request.get("time_expire").getAsString(),
						"weixin://wxpay/bizpayurl?pr=" + random(7), null, null, null);
				trades.put(outTradeNo, trade);
			}
		}
		if (trade.total() != total || trade.codeUrl() == null) { // the same out_trade_no, other parameters or API
			error(exchange, 400, "INVALID_REQUEST", "201 商户订单号重复");
			return;
		}
		send(exchange, 200, object("code_url", trade.codeUrl()));
	}

	private void jsapiOrder(HttpExchange exchange, JsonObject request) throws IOException {
		String outTradeNo = request.get("out_trade_no").getAsString();
		long total = request.getAsJsonObject("amount").get("total").getAsLong();
		JsonObject payer = request.getAsJsonObject("payer");
		if (!MCH_ID.equals(request.get("mchid").getAsString()) || !APP_ID.equals(request.get("appid").getAsString())) {
			error(exchange, 400, "PARAM_ERROR", "mchid与appid不匹配");
			return;
		}
		if (payer == null || !payer.has("openid") || payer.get("openid").getAsString().isBlank() || total < 1) {
			error(exchange, 400, "PARAM_ERROR", "参数错误");
			return;
		}
		String openid = payer.get("openid").getAsString();
		Trade trade;
		synchronized (lock) {
			trade = trades.get(outTradeNo);
			if (trade == null) {
				trade = new Trade(outTradeNo, APP_ID, total, request.get("description").getAsString(),
						request.get("notify_url").getAsString(), request.get("time_expire").getAsString(), null,
						"wx" + random(30), openid, null);
				trades.put(outTradeNo, trade);
			}
		}
		if (trade.total() != total || trade.prepayId() == null || !trade.openid().equals(openid)) {
			error(exchange, 400, "INVALID_REQUEST", "201 商户订单号重复");
			return;
		}
		send(exchange, 200, object("prepay_id", trade.prepayId()));
	}

	/** The prepay_id of a JSAPI order, when one was created. */
	public Optional<String> prepayId(String outTradeNo) {
		synchronized (lock) {
			return Optional.ofNullable(trades.get(outTradeNo)).map(Trade::prepayId);
		}
	}

	private static final Pattern JSAPI_REQUEST = Pattern
		.compile("<script type=\"application/json\" id=\"request\">(.*?)</script>", Pattern.DOTALL);

	/** The payment request a JSAPI page hands to {@code getBrandWCPayRequest}, or {@code null} when it has none. */
	public static JsonObject jsapiRequest(String pageHtml) {
		Matcher m = JSAPI_REQUEST.matcher(pageHtml);
		return m.find() ? JsonParser.parseString(m.group(1)).getAsJsonObject() : null;
	}

	/** Whether WeChat would open its payment sheet for this request: its {@code paySign} checks out. */
	public boolean acceptable(JsonObject request) {
		return validPaySign(request.get("appId").getAsString(), request.get("timeStamp").getAsString(),
				request.get("nonceStr").getAsString(), request.get("package").getAsString(),
				request.get("paySign").getAsString());
	}

	/**
	 * Checks a JSAPI {@code paySign} as WeChat does before it opens the payment sheet: SHA256withRSA with the
	 * merchant's key over {@code appId\ntimeStamp\nnonceStr\npackage\n}.
	 */
	public boolean validPaySign(String appId, String timeStamp, String nonceStr, String packageValue, String paySign) {
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initVerify(merchant.getPublic());
			rsa.update((appId + "\n" + timeStamp + "\n" + nonceStr + "\n" + packageValue + "\n")
				.getBytes(StandardCharsets.UTF_8));
			return rsa.verify(Base64.getDecoder().decode(paySign));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	private void query(HttpExchange exchange, String outTradeNo, String query) throws IOException {
		if (query == null || !query.equals("mchid=" + MCH_ID)) {
			error(exchange, 400, "PARAM_ERROR", "mchid is missing or wrong");
			return;
		}
		Trade trade;
		synchronized (lock) {
			trade = trades.get(outTradeNo);
		}
		if (trade == null) {
			error(exchange, 404, "ORDER_NOT_EXIST", "订单不存在");
			return;
		}
		JsonObject result = new JsonObject();
		result.addProperty("appid", trade.appid());
		result.addProperty("mchid", MCH_ID);
		result.addProperty("out_trade_no", outTradeNo);
		result.addProperty("trade_type", "NATIVE");
		boolean paid = trade.transactionId() != null;
		result.addProperty("trade_state", paid ? "SUCCESS" : "NOTPAY");
		result.addProperty("trade_state_desc", paid ? "支付成功" : "订单未支付");
		JsonObject amount = new JsonObject();
		amount.addProperty("total", trade.total());
		amount.addProperty("currency", "CNY");
		if (paid) {
			result.addProperty("transaction_id", trade.transactionId());
			result.addProperty("success_time", RFC3339.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
			amount.addProperty("payer_total", trade.total());
			amount.addProperty("payer_currency", "CNY");
			result.add("payer", object("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
		}
		result.add("amount", amount);
		send(exchange, 200, result);
	}

	/**
	 * Refunds by {@code transaction_id}, as WeChat Pay does: the same {@code out_refund_no} is the same refund
	 * however often it is asked for; {@code amount.total} must be what the transaction brought, and all its refunds
	 * together no more than that.
	 */
	private void refund(HttpExchange exchange, JsonObject request) throws IOException {
		String outRefundNo = request.get("out_refund_no").getAsString();
		String transactionId = request.has("transaction_id") ? request.get("transaction_id").getAsString() : null;
		long amount = request.getAsJsonObject("amount").get("refund").getAsLong();
		long total = request.getAsJsonObject("amount").get("total").getAsLong();
		JsonObject refund;
		String refusal = null;
		synchronized (lock) {
			Transaction transaction = transactionId == null ? null : transactions.get(transactionId);
			refund = refunds.get(outRefundNo);
			if (refund == null && transaction != null) {
				long refunded = refunds.values().stream()
					.filter(r -> r.get("transaction_id").getAsString().equals(transactionId))
					.mapToLong(r -> r.getAsJsonObject("amount").get("refund").getAsLong())
					.sum();
				if (total != transaction.total()) {
					refusal = "订单金额与原订单金额不一致";
				}
				else if (refunded + amount > transaction.total()) {
					refusal = "退款金额超过订单可退金额";
				}
				else {
					refund = newRefund(outRefundNo, transactionId, transaction, amount);
					refunds.put(outRefundNo, refund);
				}
			}
		}
		if (refusal != null) {
			error(exchange, 400, "INVALID_REQUEST", refusal);
		}
		else if (refund == null) {
			error(exchange, 404, "RESOURCE_NOT_EXISTS", "订单不存在");
		}
		else {
			send(exchange, 200, refund);
		}
	}

	private JsonObject newRefund(String outRefundNo, String transactionId, Transaction transaction, long amount) {
		JsonObject created = new JsonObject();
		created.addProperty("refund_id", "50300" + random(20).replaceAll("\\D", "7"));
		created.addProperty("out_refund_no", outRefundNo);
		created.addProperty("transaction_id", transactionId);
		created.addProperty("out_trade_no", transaction.outTradeNo());
		created.addProperty("channel", "ORIGINAL");
		created.addProperty("user_received_account", "支付用户零钱");
		created.addProperty("create_time", RFC3339.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
		created.addProperty("status", "PROCESSING");
		JsonObject money = new JsonObject();
		money.addProperty("refund", amount);
		money.addProperty("total", transaction.total());
		money.addProperty("payer_refund", amount);
		money.addProperty("payer_total", transaction.total());
		money.addProperty("currency", "CNY");
		created.add("amount", money);
		return created;
	}

	/** {@code GET /v3/refund/domestic/refunds/{out_refund_no}}: the refund as it stands, or 404. */
	private void refundQuery(HttpExchange exchange, String outRefundNo) throws IOException {
		JsonObject refund;
		synchronized (lock) {
			refund = refunds.get(outRefundNo);
		}
		if (refund == null) {
			error(exchange, 404, "RESOURCE_NOT_EXISTS", "退款单不存在");
		}
		else {
			send(exchange, 200, refund);
		}
	}

	/** Checks {@code WECHATPAY2-SHA256-RSA2048 mchid=…,nonce_str=…,signature=…,timestamp=…,serial_no=…}. */
	private boolean authorized(HttpExchange exchange, String method, String path, String query, String body) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
			return false;
		}
		Map<String, String> fields = new HashMap<>();
		Matcher matcher = AUTH_FIELD.matcher(authorization);
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2));
		}
		if (!MCH_ID.equals(fields.get("mchid")) || !merchantSerial.equals(fields.get("serial_no"))
				|| fields.get("signature") == null) {
			return false;
		}
		String url = query == null ? path : path + "?" + query;
		String message = method + "\n" + url + "\n" + fields.get("timestamp") + "\n" + fields.get("nonce_str") + "\n"
				+ body + "\n";
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initVerify(merchant.getPublic());
			rsa.update(message.getBytes(StandardCharsets.UTF_8));
			return rsa.verify(Base64.getDecoder().decode(fields.get("signature")));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	private void error(HttpExchange exchange, int status, String code, String message) throws IOException {
		JsonObject error = object("code", code);
		error.addProperty("message", message);
		send(exchange, status, error);
	}

	/** Answers as WeChat Pay does: JSON signed with the platform key, which the client verifies. */
	private void send(HttpExchange exchange, int status, JsonObject json) throws IOException {
		String body = json.toString();
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		String nonce = random(32);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.getResponseHeaders().set("Request-ID", random(24));
		exchange.getResponseHeaders().set("Wechatpay-Timestamp", timestamp);
		exchange.getResponseHeaders().set("Wechatpay-Nonce", nonce);
		exchange.getResponseHeaders().set("Wechatpay-Serial", publicKeyId);
		exchange.getResponseHeaders().set("Wechatpay-Signature", sign(timestamp, nonce, body));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private String sign(String timestamp, String nonce, String body) {
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initSign(platform.getPrivate());
			rsa.update((timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(rsa.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private String encrypt(String plaintext, String associatedData, String nonce) {
		try {
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
					new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
			aes.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private String random(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}

	private static JsonObject object(String key, String value) {
		JsonObject object = new JsonObject();
		object.addProperty(key, value);
		return object;
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}
}
