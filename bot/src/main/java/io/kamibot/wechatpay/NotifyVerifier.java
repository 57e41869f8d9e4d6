package io.kamibot.wechatpay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.springframework.http.HttpStatus;

/**
 * Checks a payment notification the way WeChat Pay requires, before anything in it is believed: the headers, the
 * probes WeChat sends on purpose, the age of the timestamp, the key id, the SHA256withRSA signature over the raw
 * body with the platform public key; then decrypts the resource (AES-256-GCM with the APIv3 key) and checks that it
 * is for our merchant and AppId.
 */
final class NotifyVerifier {

	static final String TIMESTAMP = "Wechatpay-Timestamp";
	static final String NONCE = "Wechatpay-Nonce";
	static final String SIGNATURE = "Wechatpay-Signature";
	static final String SERIAL = "Wechatpay-Serial";
	static final Duration MAX_AGE = Duration.ofMinutes(5);
	private static final String PROBE = "WECHATPAY/SIGNTEST/";

	private final Merchant merchant;
	private final Clock clock;

	NotifyVerifier(Merchant merchant, Clock clock) {
		this.merchant = merchant;
		this.clock = clock;
	}

	/**
	 * @throws NotifyRejected 401 when the notification is not proven to come from WeChat Pay, 400 when it is
	 *     malformed or for another merchant or AppId
	 */
	PaidTransaction verify(String timestamp, String nonce, String signature, String serial, byte[] body) {
		if (timestamp == null || nonce == null || signature == null || serial == null) {
			throw unauthorized("missing Wechatpay-Timestamp, -Nonce, -Signature or -Serial");
		}
		if (signature.startsWith(PROBE)) {
			throw unauthorized("signature probe");
		}
		Instant sent;
		try {
			sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
		}
		catch (NumberFormatException e) {
			throw unauthorized("bad timestamp");
		}
		if (Duration.between(sent, clock.instant()).abs().compareTo(MAX_AGE) > 0) {
			throw unauthorized("timestamp more than 5 minutes away");
		}
		if (!merchant.platformKeyId().equals(serial)) {
			throw unauthorized("unknown platform key " + serial);
		}
		if (!signedByPlatform(timestamp, nonce, signature, body)) {
			throw unauthorized("bad signature");
		}
		PaidTransaction transaction = read(decrypt(body));
		if (!merchant.mchId().equals(transaction.mchid()) || !merchant.appId().equals(transaction.appid())) {
			throw new NotifyRejected(HttpStatus.BAD_REQUEST, "the payment is for merchant " + transaction.mchid()
					+ " and AppId " + transaction.appid() + ", not ours");
		}
		return transaction;
	}

	private boolean signedByPlatform(String timestamp, String nonce, String signature, byte[] body) {
		ByteArrayOutputStream message = new ByteArrayOutputStream(body.length + 64);
		message.writeBytes((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
		message.writeBytes(body);
		message.write('\n');
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initVerify(merchant.platformKey());
			rsa.update(message.toByteArray());
			return rsa.verify(Base64.getDecoder().decode(signature));
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			return false;
		}
	}

	private String decrypt(byte[] body) {
		try {
			JsonObject resource = JsonParser.parseString(new String(body, StandardCharsets.UTF_8))
				.getAsJsonObject()
				.getAsJsonObject("resource");
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(merchant.apiV3Key(), "AES"),
					new GCMParameterSpec(128, text(resource, "nonce").getBytes(StandardCharsets.UTF_8)));
			String associated = text(resource, "associated_data");
			if (associated != null) {
				aes.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
			}
			return new String(aes.doFinal(Base64.getDecoder().decode(text(resource, "ciphertext"))),
					StandardCharsets.UTF_8);
		}
		catch (RuntimeException | GeneralSecurityException e) {
			throw new NotifyRejected(HttpStatus.BAD_REQUEST, "resource cannot be decrypted");
		}
	}

	private static PaidTransaction read(String plaintext) {
		try {
			JsonObject transaction = JsonParser.parseString(plaintext).getAsJsonObject();
			JsonObject amount = transaction.getAsJsonObject("amount");
			return new PaidTransaction(text(transaction, "mchid"), text(transaction, "appid"),
					text(transaction, "out_trade_no"), text(transaction, "transaction_id"),
					text(transaction, "trade_state"), amount.get("total").getAsLong());
		}
		catch (RuntimeException e) {
			// Say nothing of the content: the payload is not logged whole anywhere.
			throw new NotifyRejected(HttpStatus.BAD_REQUEST, "decrypted resource is not a transaction");
		}
	}

	private static String text(JsonObject object, String field) {
		JsonElement value = object.get(field);
		return value == null || value.isJsonNull() ? null : value.getAsString();
	}

	private static NotifyRejected unauthorized(String reason) {
		return new NotifyRejected(HttpStatus.UNAUTHORIZED, reason);
	}
}
