package io.kamibot.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A reseller's system calling the Open API, signing each call as docs/resellers.md tells them to: its own HMAC code
 * below, not the shop's, so a mistake in the shop's canonical form shows as a failed call.
 */
class OpenApiClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;
	private final String keyId;
	private final String secret;

	OpenApiClient(int port, String keyId, String secret) {
		this.base = "http://127.0.0.1:" + port;
		this.keyId = keyId;
		this.secret = secret;
	}

	HttpResponse<String> get(String path) {
		return call("GET", path, "", Instant.now().getEpochSecond(), nonce(), null);
	}

	HttpResponse<String> post(String path, String body) {
		return call("POST", path, body, Instant.now().getEpochSecond(), nonce(), null);
	}

	/**
	 * One call with every part chosen by the test.
	 *
	 * @param signature the signature to send, or {@code null} to compute the right one
	 */
	HttpResponse<String> call(String method, String path, String body, long timestamp, String nonce, String signature) {
		String signed = signature != null ? signature : sign(method, path, Long.toString(timestamp), nonce, body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("X-Kamibot-Key", keyId)
			.header("X-Kamibot-Timestamp", Long.toString(timestamp))
			.header("X-Kamibot-Nonce", nonce)
			.header("X-Kamibot-Signature", signed)
			.header("Content-Type", "application/json")
			.method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
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

	String sign(String method, String path, String timestamp, String nonce, String body) {
		try {
			java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
			String bodyHash = java.util.HexFormat.of().formatHex(sha.digest(body.getBytes(StandardCharsets.UTF_8)));
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String canonical = String.join("\n", method, path, timestamp, nonce, bodyHash);
			return java.util.HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static String nonce() {
		return UUID.randomUUID().toString().replace("-", "");
	}
}
