package io.kamibot.alipay;

/** Alipay could not be reached or refused a request the shop made; what was asked is asked again later. */
class AlipayUnavailable extends RuntimeException {

	AlipayUnavailable(String what, String reason) {
		super("Alipay failed " + what + ": " + reason);
	}
}
