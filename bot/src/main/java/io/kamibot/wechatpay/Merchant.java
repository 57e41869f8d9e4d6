package io.kamibot.wechatpay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The merchant's checked settings with their keys parsed: what the provider and the notify endpoint work with.
 */
record Merchant(String mchId, String appId, PrivateKey merchantKey, String merchantSerial, byte[] apiV3Key,
		PublicKey platformKey, String platformKeyId, String notifyUrl, boolean jsapi, URI apiUrl,
		String apiHostAddress) {

	/**
	 * @param fallbackAppId the Official Account's AppId, used when the settings name none
	 * @throws IllegalStateException naming every missing or unreadable setting
	 */
	static Merchant of(WeChatPaySettings settings, String fallbackAppId) {
		String appId = blank(settings.appId()) ? fallbackAppId : settings.appId();
		List<String> missing = new ArrayList<>();
		require(missing, appId, "KAMIBOT_WECHATPAY_APP_ID (or KAMIBOT_WECHAT_APP_ID)");
		require(missing, settings.merchantKey(), "KAMIBOT_WECHATPAY_MERCHANT_KEY");
		require(missing, settings.merchantSerial(), "KAMIBOT_WECHATPAY_MERCHANT_SERIAL");
		require(missing, settings.apiV3Key(), "KAMIBOT_WECHATPAY_API_V3_KEY");
		require(missing, settings.platformPublicKey(), "KAMIBOT_WECHATPAY_PLATFORM_PUBLIC_KEY");
		require(missing, settings.platformPublicKeyId(), "KAMIBOT_WECHATPAY_PLATFORM_PUBLIC_KEY_ID");
		require(missing, settings.notifyUrl() == null ? null : settings.notifyUrl().toString(),
				"KAMIBOT_WECHATPAY_NOTIFY_URL");
		if (!missing.isEmpty()) {
			throw new IllegalStateException("WeChat Pay is on (KAMIBOT_WECHATPAY_MCH_ID is set) but these settings are "
					+ "missing: " + String.join(", ", missing));
		}
		byte[] apiV3Key = settings.apiV3Key().getBytes(StandardCharsets.UTF_8);
		if (apiV3Key.length != 32) {
			throw new IllegalStateException("KAMIBOT_WECHATPAY_API_V3_KEY must be 32 characters (AES-256)");
		}
		if (settings.jsapi() && !blank(fallbackAppId) && !appId.equals(fallbackAppId)) {
			// OpenIDs are per AppId: the Official Account's buyers can pay by JSAPI only for its own AppId.
			throw new IllegalStateException("KAMIBOT_WECHATPAY_JSAPI pays with the Official Account's OpenIDs, so "
					+ "KAMIBOT_WECHATPAY_APP_ID (" + appId + ") must be the Official Account's AppId (" + fallbackAppId
					+ ") or be left empty");
		}
		URI apiUrl = URI.create(settings.apiUrl().toString().replaceAll("/+$", ""));
		if (apiUrl.getHost() == null) {
			throw new IllegalStateException("KAMIBOT_WECHATPAY_API_URL has no host: " + apiUrl);
		}
		return new Merchant(settings.mchId(), appId, privateKey(settings.merchantKey()), settings.merchantSerial(),
				apiV3Key, publicKey(settings.platformPublicKey()), settings.platformPublicKeyId(),
				settings.notifyUrl().toString(), settings.jsapi(), apiUrl,
				blank(settings.apiHostAddress()) ? null : settings.apiHostAddress());
	}

	/** Where the shop's pages are public: the notify URL's scheme, host and port. */
	String publicOrigin() {
		URI notify = URI.create(notifyUrl);
		return notify.getScheme() + "://" + notify.getRawAuthority();
	}

	/** WxJava signs requests and verifies responses only for WeChat Pay's own hosts. */
	boolean signedHost() {
		return apiUrl.getHost().endsWith(".mch.weixin.qq.com");
	}

	@Override
	public String toString() {
		return "Merchant[mchId=" + mchId + ", appId=" + appId + ", platformKeyId=" + platformKeyId + "]";
	}

	private static PrivateKey privateKey(String pemOrPath) {
		try {
			return KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(der(pemOrPath, "PRIVATE KEY", "KAMIBOT_WECHATPAY_MERCHANT_KEY")));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("KAMIBOT_WECHATPAY_MERCHANT_KEY is not an RSA private key in PKCS#8 PEM");
		}
	}

	private static PublicKey publicKey(String pemOrPath) {
		try {
			return KeyFactory.getInstance("RSA").generatePublic(
					new X509EncodedKeySpec(der(pemOrPath, "PUBLIC KEY", "KAMIBOT_WECHATPAY_PLATFORM_PUBLIC_KEY")));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("KAMIBOT_WECHATPAY_PLATFORM_PUBLIC_KEY is not an RSA public key in PEM");
		}
	}

	/** The DER bytes of a PEM block given as text, or read from the file the setting names. */
	private static byte[] der(String pemOrPath, String type, String setting) {
		String pem = pemOrPath;
		if (!pem.contains("-----BEGIN")) {
			try {
				pem = Files.readString(Path.of(pemOrPath.trim()), StandardCharsets.US_ASCII);
			}
			catch (IOException | RuntimeException e) {
				throw new IllegalStateException(setting + " is neither PEM text nor a readable PEM file",
						e instanceof IOException io ? new UncheckedIOException(io) : e);
			}
		}
		String begin = "-----BEGIN " + type + "-----";
		int start = pem.indexOf(begin);
		int end = pem.indexOf("-----END " + type + "-----");
		if (start < 0 || end < start) {
			throw new IllegalStateException(setting + " holds no \"" + begin + "\" block");
		}
		try {
			return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(setting + " is not valid PEM");
		}
	}

	private static void require(List<String> missing, String value, String name) {
		if (blank(value)) {
			missing.add(name);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
