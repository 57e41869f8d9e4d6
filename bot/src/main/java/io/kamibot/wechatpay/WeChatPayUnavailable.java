package io.kamibot.wechatpay;

/** WeChat Pay refused a request or could not be reached; asking again later may work. */
class WeChatPayUnavailable extends RuntimeException {

	WeChatPayUnavailable(String doing, Exception cause) {
		super("WeChat Pay failed " + doing + ": " + cause.getMessage(), cause);
	}
}
