package io.kamibot.alipay;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's Alipay open-platform app. Keys are PEM text, the bare Base64 that Alipay's key tool prints, or the path
 * of a file holding either.
 *
 * @param appId the app's id (APPID); Alipay is on when it is set
 * @param privateKey the app's private key (应用私钥, RSA2048, PKCS#8) that signs every request
 * @param publicKey Alipay's public key (支付宝公钥) that signs responses and notifications
 * @param sellerId the merchant's Alipay account id (PID, {@code 2088…}); a notification for another seller is refused
 * @param notifyUrl the public URL of {@code POST /alipay/notify}
 * @param gatewayUrl Alipay's gateway; another one (a sandbox, the tests' fake) is named here
 */
@ConfigurationProperties("kamibot.alipay")
record AlipaySettings(String appId, String privateKey, String publicKey, String sellerId, URI notifyUrl,
		URI gatewayUrl) {

	static final URI OFFICIAL_GATEWAY = URI.create("https://openapi.alipay.com/gateway.do");

	AlipaySettings {
		gatewayUrl = gatewayUrl != null ? gatewayUrl : OFFICIAL_GATEWAY;
	}

	@Override
	public String toString() {
		// The private key is a credential.
		return "AlipaySettings[appId=" + appId + ", sellerId=" + sellerId + ", notifyUrl=" + notifyUrl
				+ ", gatewayUrl=" + gatewayUrl + "]";
	}
}
