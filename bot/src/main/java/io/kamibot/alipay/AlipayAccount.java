package io.kamibot.alipay;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.kamibot.pem.PemKeys;

/**
 * The checked Alipay settings, keys parsed. The SDK takes keys as Base64 text, so both forms are at hand.
 */
record AlipayAccount(String appId, String sellerId, PrivateKey privateKey, PublicKey alipayKey, String notifyUrl,
		URI gatewayUrl) {

	/**
	 * @throws IllegalStateException naming every missing or unreadable setting
	 */
	static AlipayAccount of(AlipaySettings settings) {
		List<String> missing = new ArrayList<>();
		require(missing, settings.privateKey(), "KAMIBOT_ALIPAY_PRIVATE_KEY");
		require(missing, settings.publicKey(), "KAMIBOT_ALIPAY_PUBLIC_KEY");
		require(missing, settings.sellerId(), "KAMIBOT_ALIPAY_SELLER_ID");
		require(missing, settings.notifyUrl() == null ? null : settings.notifyUrl().toString(),
				"KAMIBOT_ALIPAY_NOTIFY_URL");
		if (!missing.isEmpty()) {
			throw new IllegalStateException("Alipay is on (KAMIBOT_ALIPAY_APP_ID is set) but these settings are "
					+ "missing: " + String.join(", ", missing));
		}
		if (settings.gatewayUrl().getHost() == null) {
			throw new IllegalStateException("KAMIBOT_ALIPAY_GATEWAY_URL has no host: " + settings.gatewayUrl());
		}
		return new AlipayAccount(settings.appId().strip(), settings.sellerId().strip(),
				PemKeys.privateKey(settings.privateKey(), "KAMIBOT_ALIPAY_PRIVATE_KEY"),
				PemKeys.publicKey(settings.publicKey(), "KAMIBOT_ALIPAY_PUBLIC_KEY"), settings.notifyUrl().toString(),
				settings.gatewayUrl());
	}

	String privateKeyBase64() {
		return Base64.getEncoder().encodeToString(privateKey.getEncoded());
	}

	String alipayKeyBase64() {
		return Base64.getEncoder().encodeToString(alipayKey.getEncoded());
	}

	@Override
	public String toString() {
		return "AlipayAccount[appId=" + appId + ", sellerId=" + sellerId + ", gatewayUrl=" + gatewayUrl + "]";
	}

	private static void require(List<String> missing, String value, String name) {
		if (value == null || value.isBlank()) {
			missing.add(name);
		}
	}
}
