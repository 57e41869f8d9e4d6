package io.kamibot.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Open API's signature: lower-case hex HMAC-SHA256 over {@code METHOD\nPATH\nTIMESTAMP\nNONCE\nSHA256_HEX(BODY)}. */
final class Signatures {

	private Signatures() {
	}

	static String canonical(String method, String path, String timestamp, String nonce, byte[] body) {
		return method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + sha256Hex(body);
	}

	static String sign(String secret, String canonical) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
		}
	}

	/** Compares in constant time, so the time taken tells nothing about how much of a guess was right. */
	static boolean matches(String expected, String presented) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				presented.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256Hex(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", e);
		}
	}
}
