package io.kamibot.wechatpay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import io.kamibot.pem.PemKeys;

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
		return new Merchant(settings.mchId(), appId, PemKeys.privateKey(settings.merchantKey(), "KAMIBOT_WECHATPAY_MERCHANT_KEY"), settings.merchantSerial(),
				apiV3Key, PemKeys.publicKey(settings.platformPublicKey(), "KAMIBOT_WECHATPAY_PLATFORM_PUBLIC_KEY"), settings.platformPublicKeyId(),
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

	private static void require(List<String> missing, String value, String name) {
		if (blank(value)) {
			missing.add(name);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
