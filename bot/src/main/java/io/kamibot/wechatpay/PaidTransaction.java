package io.kamibot.wechatpay;

/**
 * The fields of a decrypted WeChat Pay transaction that matter to the shop.
 *
 * @param total the amount in fen
 */
record PaidTransaction(String mchid, String appid, String outTradeNo, String transactionId, String tradeState,
		long total) {

	boolean succeeded() {
		return "SUCCESS".equals(tradeState);
	}
}
