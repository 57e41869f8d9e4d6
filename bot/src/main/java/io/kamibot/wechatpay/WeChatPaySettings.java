package io.kamibot.wechatpay;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The merchant's WeChat Pay v3 settings. Keys may be given as PEM text or as the path of a PEM file.
 *
 * @param mchId the merchant id (商户号); WeChat Pay is on when it is set
 * @param appId the AppId payments are made for; the Official Account's ({@code kamibot.wechat.app-id}) when empty
 * @param merchantKey the merchant's API private key ({@code apiclient_key.pem}, PKCS#8)
 * @param merchantSerial the serial number of the merchant's API certificate
 * @param apiV3Key the 32-character APIv3 key that encrypts notifications
 * @param platformPublicKey the WeChat Pay public key that signs responses and notifications
 * @param platformPublicKeyId its id ({@code PUB_KEY_ID_…}), sent in {@code Wechatpay-Serial}
 * @param notifyUrl the public URL of {@code POST /wechat/pay/notify}
 * @param jsapi pay in the Official Account chat by JSAPI: the buyer taps a link and WeChat's payment sheet opens
 *     on the shop's page {@code /wechat/pay/jsapi/…}, served from the notify URL's origin, which must be set as a
 *     JSAPI payment directory (支付授权目录) in the merchant platform. Off: a Native QR code, as everywhere else
 * @param apiUrl the WeChat Pay API server. WxJava signs requests and verifies responses only for hosts under
 *     {@code .mch.weixin.qq.com}, so another server should be reached under such a name (see {@code apiHostAddress})
 * @param apiHostAddress an IP address to connect to instead of resolving the host of {@code apiUrl} (an egress
 *     gateway, or a local fake in tests)
 */
@ConfigurationProperties("kamibot.wechatpay")
record WeChatPaySettings(String mchId, String appId, String merchantKey, String merchantSerial, String apiV3Key,
		String platformPublicKey, String platformPublicKeyId, URI notifyUrl, Boolean jsapi, URI apiUrl,
		String apiHostAddress) {

	static final URI OFFICIAL_API = URI.create("https://api.mch.weixin.qq.com");

	WeChatPaySettings {
		apiUrl = apiUrl != null ? apiUrl : OFFICIAL_API;
		jsapi = jsapi != null && jsapi;
	}

	@Override
	public String toString() {
		// The merchant key and the APIv3 key are credentials.
		return "WeChatPaySettings[mchId=" + mchId + ", appId=" + appId + ", merchantSerial=" + merchantSerial
				+ ", platformPublicKeyId=" + platformPublicKeyId + ", notifyUrl=" + notifyUrl + ", jsapi=" + jsapi
				+ ", apiUrl=" + apiUrl
				+ ", apiHostAddress=" + apiHostAddress + "]";
	}
}
