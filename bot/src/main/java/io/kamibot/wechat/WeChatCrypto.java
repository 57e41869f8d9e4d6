package io.kamibot.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.kamibot.vault.Vault;

/**
 * The Official Account's message security, from WeChat's specification: SHA-1 signatures over the sorted token,
 * timestamp, nonce (and ciphertext), and safe mode's AES-256-CBC with the 16-byte random prefix, the big-endian
 * length, the XML and the AppId, padded to 32-byte blocks. The AppId inside a message is compared with ours: WxJava
 * does not, and a message sealed for another account must not pass.
 */
final class WeChatCrypto {

	private static final int BLOCK = 32;

	private final String token;
	private final String appId;
	private final SecretKeySpec key;
	private final IvParameterSpec iv;

	WeChatCrypto(WeChatSettings settings) {
		this.token = settings.token();
		this.appId = settings.appId();
		if (settings.safeMode()) {
			byte[] raw = Base64.getDecoder().decode(settings.aesKey() + "=");
			this.key = new SecretKeySpec(raw, "AES");
			this.iv = new IvParameterSpec(Arrays.copyOfRange(raw, 0, 16));
		}
		else {
			this.key = null;
			this.iv = null;
		}
	}

	/** Whether {@code signature} is WeChat's signature of the request (the push URL's query). */
	boolean signed(String signature, String timestamp, String nonce) {
		return timestamp != null && nonce != null
				&& Vault.constantTimeEquals(signature, signature(token, timestamp, nonce));
	}

	/**
	 * Checks {@code msg_signature} and opens a safe-mode message.
	 *
	 * @return the message's XML
	 * @throws RejectedPush when the signature is wrong, the ciphertext is malformed, or the message is for another
	 *     Official Account
	 */
	String open(String msgSignature, String timestamp, String nonce, String encrypted) {
		if (key == null) {
			throw new RejectedPush("an encrypted message, but no EncodingAESKey is configured");
		}
		if (encrypted == null || timestamp == null || nonce == null
				|| !Vault.constantTimeEquals(msgSignature, signature(token, timestamp, nonce, encrypted))) {
			throw new RejectedPush("bad msg_signature");
		}
		byte[] plain;
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, iv);
			plain = cipher.doFinal(Base64.getDecoder().decode(encrypted));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new RejectedPush("undecipherable message");
		}
		int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
			throw new RejectedPush("bad padding");
		}
		int length = ByteBuffer.wrap(plain, 16, 4).getInt();
		int end = plain.length - pad;
		if (length < 0 || 20 + length > end) {
			throw new RejectedPush("bad length");
		}
		String to = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
		if (!to.equals(appId)) {
			throw new RejectedPush("a message for another AppId");
		}
		return new String(plain, 20, length, StandardCharsets.UTF_8);
	}

	static String signature(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A push that must not be processed. */
	static final class RejectedPush extends RuntimeException {

		RejectedPush(String reason) {
			super(reason, null, false, false);
		}
	}
}
