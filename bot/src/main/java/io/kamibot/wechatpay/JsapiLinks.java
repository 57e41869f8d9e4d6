package io.kamibot.wechatpay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Links to the JSAPI payment page of an order, signed so that only the shop makes them: the page starts a payment,
 * so nobody may walk it order number by order number. The key is derived from the APIv3 key, which only the shop
 * and WeChat Pay know.
 */
@Component
@OnWeChatPay
class JsapiLinks {

	static final String PATH = "/wechat/pay/jsapi/";

	private final SecretKeySpec key;
	private final String origin;

	JsapiLinks(Merchant merchant) {
		this.key = new SecretKeySpec(hmac(new SecretKeySpec(merchant.apiV3Key(), "HmacSHA256"), "kamibot jsapi links"),
				"HmacSHA256");
		this.origin = merchant.publicOrigin();
	}

	String link(String orderNo) {
		return origin + PATH + orderNo + "?s=" + signature(orderNo);
	}

	boolean valid(String orderNo, String signature) {
		return signature != null && MessageDigest.isEqual(signature(orderNo).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private String signature(String orderNo) {
		// 128 bits are plenty against guessing, and keep the link short in a chat.
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hmac(key, orderNo), 16));
	}

	private static byte[] hmac(SecretKeySpec key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
