package io.kamibot.pem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads an RSA key from a setting. The value is PEM text ({@code -----BEGIN PRIVATE KEY-----} in PKCS#8,
 * {@code -----BEGIN PUBLIC KEY-----} in X.509), the Base64 of the same DER bytes without the PEM lines, or the path of
 * a file holding either. Every failure names the setting, never the value: a key is a credential.
 */
public final class PemKeys {

	private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]+");

	private PemKeys() {
	}

	/**
	 * @throws IllegalStateException naming {@code setting} when the value is no RSA private key in PKCS#8
	 */
	public static PrivateKey privateKey(String value, String setting) {
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(value, "PRIVATE KEY", setting)));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException(setting + " is not an RSA private key in PKCS#8");
		}
	}

	/**
	 * @throws IllegalStateException naming {@code setting} when the value is no RSA public key
	 */
	public static PublicKey publicKey(String value, String setting) {
		try {
			return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(value, "PUBLIC KEY", setting)));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException(setting + " is not an RSA public key");
		}
	}

	/** The DER bytes of the key: from a PEM block, from bare Base64, or from the file the value names. */
	private static byte[] der(String value, String type, String setting) {
		String text = value.strip();
		if (!text.contains("-----BEGIN") && !looksLikeBase64(text)) {
			try {
				text = Files.readString(Path.of(text), StandardCharsets.US_ASCII).strip();
			}
			catch (IOException | RuntimeException e) {
				throw new IllegalStateException(setting + " is neither a key nor a readable key file");
			}
		}
		if (!text.contains("-----BEGIN")) {
			return Base64.getMimeDecoder().decode(text);
		}
		String begin = "-----BEGIN " + type + "-----";
		int start = text.indexOf(begin);
		int end = text.indexOf("-----END " + type + "-----");
		if (start < 0 || end < start) {
			throw new IllegalStateException(setting + " holds no \"" + begin + "\" block");
		}
		return Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end));
	}

	/** A key's Base64 is hundreds of characters without a path's dots and slashes in a row. */
	private static boolean looksLikeBase64(String text) {
		return text.length() > 100 && BASE64.matcher(text).matches();
	}
}
