package io.kamibot.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens secrets, and fingerprints them with a keyed hash. Thread-safe.
 */
public class Vault {

	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();
	private final Map<String, SecretKeySpec> keys = new HashMap<>();
	private final String activeKeyId;
	private final SecretKeySpec lookupKey;
	/** Looking up a provider per call costs more than the work on a short code, so each thread keeps its own. */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance("AES/GCM/NoPadding"));
	private final ThreadLocal<Mac> macs;

	public Vault(VaultSettings settings) {
		if (settings.key() == null || settings.key().isBlank()) {
			throw new IllegalStateException("kamibot.secrets.key (KAMIBOT_SECRETS_KEY) is not set");
		}
		byte[] active = decodeKey(settings.key());
		this.activeKeyId = keyId(active);
		keys.put(activeKeyId, new SecretKeySpec(active, "AES"));
		for (String previous : settings.previousKeys()) {
			byte[] bytes = decodeKey(previous);
			keys.put(keyId(bytes), new SecretKeySpec(bytes, "AES"));
		}
		byte[] lookup = settings.lookupKey() == null || settings.lookupKey().isBlank()
				? derive(active, "kamibot-lookup")
				: decodeKey(settings.lookupKey());
		this.lookupKey = new SecretKeySpec(lookup, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(lookupKey);
				return mac;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("HMAC-SHA256 is not available", e);
			}
		});
	}

	public Sealed seal(String secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.US_ASCII));
			byte[] body = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			byte[] data = new byte[NONCE_BYTES + body.length];
			System.arraycopy(nonce, 0, data, 0, NONCE_BYTES);
			System.arraycopy(body, 0, data, NONCE_BYTES, body.length);
			return new Sealed(activeKeyId, data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Sealing failed", e);
		}
	}

	public String open(Sealed sealed) {
		SecretKeySpec key = keys.get(sealed.keyId());
		if (key == null) {
			throw new IllegalStateException("No key with id " + sealed.keyId() + " is configured");
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.data(), 0, NONCE_BYTES));
			cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.US_ASCII));
			byte[] plain = cipher.doFinal(sealed.data(), NONCE_BYTES, sealed.data().length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			// Deliberately without the cause's message: nothing about the secret may leak.
			throw new IllegalStateException("Opening a sealed secret with key " + sealed.keyId() + " failed");
		}
	}

	/** The keyed hash of a secret, hex encoded: equal secrets have equal fingerprints, nothing else does. */
	public String fingerprint(String secret) {
		// doFinal resets the Mac, ready for the next secret.
		return HexFormat.of().formatHex(macs.get().doFinal(secret.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A new key for a partner's system to sign its calls with: an id that names it (the prefix and 20 hex digits), a
	 * secret of 256 random bits, and the secret sealed for storage.
	 */
	public SigningKey newSigningKey(String prefix) {
		byte[] id = new byte[10];
		byte[] secret = new byte[32];
		random.nextBytes(id);
		random.nextBytes(secret);
		String clear = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		return new SigningKey(prefix + HexFormat.of().formatHex(id), clear, seal(clear));
	}

	/** Compares two strings in time that does not depend on where they differ. */
	public static boolean constantTimeEquals(String a, String b) {
		if (a == null || b == null) {
			return false;
		}
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	public static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static Cipher instance(String transformation) {
		try {
			return Cipher.getInstance(transformation);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(transformation + " is not available", e);
		}
	}

	private static byte[] decodeKey(String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("A secrets key is not valid Base64");
		}
		if (key.length != 32) {
			throw new IllegalStateException("A secrets key must be 32 bytes (Base64 of 32 random bytes), got " + key.length);
		}
		return key;
	}

	private static String keyId(byte[] key) {
		return HexFormat.of().formatHex(derive(key, "kamibot-key-id"), 0, 4);
	}

	private static byte[] derive(byte[] key, String label) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC failed", e);
		}
	}
}
