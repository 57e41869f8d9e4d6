package io.kamibot.alipay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kamibot.pem.FakeGatewayKeys;

/**
 * A fake Alipay open-platform gateway on 127.0.0.1, written from Alipay's published protocol rather than with its SDK,
 * so the shop's use of the SDK is checked against the protocol. It makes two key pairs: the shop's app key pair (the
 * shop signs every request with its private key, and the fake refuses a request whose RSA2 signature over the sorted
 * parameters does not verify) and Alipay's own (the fake signs every response and every notification with it). It
 * implements {@code alipay.trade.precreate} (one trade per {@code out_trade_no}: the same QR code again),
 * {@code alipay.trade.query} and {@code alipay.trade.refund} (one refund per {@code out_request_no}, never more than
 * the trade brought), records every call, and builds notifications, genuine or forged.
 */
public final class FakeAlipay implements AutoCloseable {

	public static final String APP_ID = "2021000000000042";
	public static final String SELLER_ID = "2088000000000042";

	/** One request as received: its method, its business content, and whether the shop's signature verified. */
	public record Call(String method, JsonObject biz, boolean signed) {
	}

	/** A trade as Alipay keeps it. */
	public record Trade(String outTradeNo, String totalAmount, String qrCode, String status, String tradeNo,
			String timeExpire) {

		Trade paid(String tradeNo) {
			return new Trade(outTradeNo, totalAmount, qrCode, "TRADE_SUCCESS", tradeNo, timeExpire);
		}
	}

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final KeyPair appKeys = FakeGatewayKeys.named("alipay-app");
	private final KeyPair alipayKeys = FakeGatewayKeys.named("alipay-gateway");
	private final Map<String, Trade> trades = new ConcurrentHashMap<>();
	private final Map<String, String> refunds = new ConcurrentHashMap<>();
	private final List<Call> calls = new CopyOnWriteArrayList<>();
	private final AtomicLong nextTrade = new AtomicLong(2026120222001400000L);
	private final HttpServer server;
	private final ExecutorService executor = Executors.newFixedThreadPool(4);
	private volatile boolean down;

	public FakeAlipay() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/gateway.do", this::handle);
		server.setExecutor(executor);
		server.start();
	}

	/** The settings that point the shop at this gateway, as {@code kamibot.alipay.*} properties. */
	public Map<String, String> settings(String notifyUrl) {
		return Map.of("kamibot.alipay.app-id", APP_ID, "kamibot.alipay.seller-id", SELLER_ID,
				"kamibot.alipay.private-key", pem("PRIVATE KEY", appKeys.getPrivate().getEncoded()),
				"kamibot.alipay.public-key", Base64.getEncoder().encodeToString(alipayKeys.getPublic().getEncoded()),
				"kamibot.alipay.notify-url", notifyUrl, "kamibot.alipay.gateway-url", gatewayUrl());
	}

	public String gatewayUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/gateway.do";
	}

	public List<Call> calls(String method) {
		return calls.stream().filter(call -> call.method().equals(method)).toList();
	}

	public Optional<Trade> trade(String outTradeNo) {
		return Optional.ofNullable(trades.get(outTradeNo));
	}

	/** Refunded so far of a trade, in yuan cents summed over its refunds. */
	public long refundedFen(String tradeNo) {
		return refunds.entrySet().stream()
			.filter(refund -> refund.getKey().startsWith(tradeNo + "/"))
			.mapToLong(refund -> Yuan.toFen(refund.getValue()).orElseThrow())
			.sum();
	}

	/** While down, every request fails with a connection reset, as when the gateway cannot be reached. */
	public void down(boolean down) {
		this.down = down;
	}

	/** The buyer pays the trade with the Alipay app: it is TRADE_SUCCESS now. Returns its {@code trade_no}. */
	public String pay(String outTradeNo) {
		Trade paid = trades.computeIfPresent(outTradeNo,
				(key, trade) -> trade.tradeNo() != null ? trade : trade.paid(String.valueOf(nextTrade.incrementAndGet())));
		if (paid == null) {
			throw new IllegalStateException("No trade " + outTradeNo);
		}
		return paid.tradeNo();
	}

	/** The notification Alipay sends for a paid trade, signed with Alipay's key. */
	public Notify notification(String outTradeNo) {
		Trade trade = trades.get(outTradeNo);
		TreeMap<String, String> params = new TreeMap<>();
		params.put("notify_time", "2026-12-02 13:00:00");
		params.put("notify_type", "trade_status_sync");
		params.put("notify_id", "2026120200222130000" + RANDOM.nextInt(1_000_000));
		params.put("charset", "UTF-8");
		params.put("version", "1.0");
		params.put("app_id", APP_ID);
		params.put("seller_id", SELLER_ID);
		params.put("buyer_id", "2088102177846880");
		params.put("out_trade_no", outTradeNo);
		params.put("trade_no", trade.tradeNo());
		params.put("trade_status", trade.status());
		params.put("total_amount", trade.totalAmount());
		params.put("receipt_amount", trade.totalAmount());
		params.put("subject", "卡密 subject & more=1");
		params.put("gmt_payment", "2026-12-02 12:59:58");
		return new Notify(params).signedWith(alipayKeys.getPrivate());
	}

	/** A notification, as sent over the wire; change it and sign it again (or not) to forge one. */
	public static final class Notify {

		private final TreeMap<String, String> params;

		Notify(Map<String, String> params) {
			this.params = new TreeMap<>(params);
		}

		/** The same, with one parameter changed after signing: its signature no longer matches. */
		public Notify with(String name, String value) {
			Notify changed = new Notify(params);
			changed.params.put(name, value);
			return changed;
		}

		/** Signed again by the given key (Alipay's for a genuine notification, another one for a forgery). */
		public Notify signedWith(PrivateKey key) {
			Notify signed = new Notify(params);
			signed.params.remove("sign");
			signed.params.put("sign_type", "RSA2");
			signed.params.put("sign", sign(content(signed.params, "sign", "sign_type"), key));
			return signed;
		}

		/** POSTs it form-encoded to the shop's notify URL; what the shop answered. */
		public String send(String url) {
			String form = params.entrySet().stream()
				.map(param -> encode(param.getKey()) + "=" + encode(param.getValue()))
				.collect(Collectors.joining("&"));
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build();
			try {
				return HTTP.send(request, BodyHandlers.ofString()).body();
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

	/** Alipay's key pair: with it a notification is genuine. */
	public PrivateKey alipayKey() {
		return alipayKeys.getPrivate();
	}

	/** Another key, as a forger has. */
	public static PrivateKey forgersKey() {
		return FakeGatewayKeys.named("alipay-forger").getPrivate();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (down) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			Map<String, String> params = new TreeMap<>(form(exchange.getRequestURI().getRawQuery()));
			params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			String method = params.getOrDefault("method", "");
			boolean signed = APP_ID.equals(params.get("app_id")) && "RSA2".equals(params.get("sign_type"))
					&& verify(content(params, "sign"), params.get("sign"), appKeys.getPublic());
			JsonObject biz = params.containsKey("biz_content")
					? JsonParser.parseString(params.get("biz_content")).getAsJsonObject() : new JsonObject();
			calls.add(new Call(method, biz, signed));
			JsonObject answer = signed ? answer(method, biz)
					: failure("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错");
			String node = method.replace('.', '_') + "_response";
			String inner = answer.toString();
			String body = "{\"" + node + "\":" + inner + ",\"sign\":\"" + sign(inner, alipayKeys.getPrivate()) + "\"}";
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}

	private JsonObject answer(String method, JsonObject biz) {
		return switch (method) {
			case "alipay.trade.precreate" -> precreate(biz);
			case "alipay.trade.query" -> query(biz);
			case "alipay.trade.refund" -> refund(biz);
			default -> failure("40004", "Business Failed", "isv.invalid-method", "不存在的方法名");
		};
	}

	private JsonObject precreate(JsonObject biz) {
		String outTradeNo = biz.get("out_trade_no").getAsString();
		String amount = biz.get("total_amount").getAsString();
		Trade trade = trades.computeIfAbsent(outTradeNo, key -> new Trade(key, amount,
				"https://qr.alipay.com/bax0" + Long.toString(RANDOM.nextLong() >>> 1, 36), "WAIT_BUYER_PAY", null,
				biz.has("time_expire") ? biz.get("time_expire").getAsString() : null));
		if (!trade.totalAmount().equals(amount)) {
			return failure("40004", "Business Failed", "ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
		}
		JsonObject answer = success();
		answer.addProperty("out_trade_no", outTradeNo);
		answer.addProperty("qr_code", trade.qrCode());
		return answer;
	}

	private JsonObject query(JsonObject biz) {
		Trade trade = trades.get(biz.get("out_trade_no").getAsString());
		if (trade == null || trade.tradeNo() == null) {
			// Alipay knows a face-to-face trade only once the buyer has scanned it.
			return failure("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
		}
		JsonObject answer = success();
		answer.addProperty("out_trade_no", trade.outTradeNo());
		answer.addProperty("trade_no", trade.tradeNo());
		answer.addProperty("trade_status", trade.status());
		answer.addProperty("total_amount", trade.totalAmount());
		return answer;
	}

	private JsonObject refund(JsonObject biz) {
		Optional<Trade> trade = trades.values().stream()
			.filter(t -> t.tradeNo() != null && t.tradeNo().equals(string(biz, "trade_no")))
			.findFirst();
		if (trade.isEmpty()) {
			return failure("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
		}
		String key = trade.get().tradeNo() + "/" + biz.get("out_request_no").getAsString();
		String amount = biz.get("refund_amount").getAsString();
		boolean fresh;
		synchronized (refunds) {
			fresh = !refunds.containsKey(key);
			if (fresh) {
				long total = Yuan.toFen(trade.get().totalAmount()).orElseThrow();
				if (refundedFen(trade.get().tradeNo()) + Yuan.toFen(amount).orElseThrow() > total) {
					return failure("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
				}
				refunds.put(key, amount);
			}
		}
		JsonObject answer = success();
		answer.addProperty("trade_no", trade.get().tradeNo());
		answer.addProperty("out_trade_no", trade.get().outTradeNo());
		answer.addProperty("refund_fee", refunds.get(key));
		answer.addProperty("fund_change", fresh ? "Y" : "N");
		return answer;
	}

	private static String string(JsonObject biz, String name) {
		return biz.has(name) ? biz.get(name).getAsString() : null;
	}

	private static JsonObject success() {
		JsonObject answer = new JsonObject();
		answer.addProperty("code", "10000");
		answer.addProperty("msg", "Success");
		return answer;
	}

	private static JsonObject failure(String code, String msg, String subCode, String subMsg) {
		JsonObject answer = new JsonObject();
		answer.addProperty("code", code);
		answer.addProperty("msg", msg);
		answer.addProperty("sub_code", subCode);
		answer.addProperty("sub_msg", subMsg);
		return answer;
	}

	/** What is signed: the non-empty parameters but the excluded ones, sorted by name, as {@code k=v&k=v}. */
	private static String content(Map<String, String> params, String... excluded) {
		List<String> without = List.of(excluded);
		return new TreeMap<>(params).entrySet()
			.stream()
			.filter(param -> !without.contains(param.getKey()) && param.getValue() != null && !param.getValue().isEmpty())
			.map(param -> param.getKey() + "=" + param.getValue())
			.collect(Collectors.joining("&"));
	}

	private static String sign(String content, PrivateKey key) {
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initSign(key);
			rsa.update(content.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(rsa.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean verify(String content, String signature, PublicKey key) {
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initVerify(key);
			rsa.update(content.getBytes(StandardCharsets.UTF_8));
			return signature != null && rsa.verify(Base64.getDecoder().decode(signature));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	private static Map<String, String> form(String encoded) {
		Map<String, String> params = new TreeMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return params;
		}
		for (String pair : encoded.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}
}
