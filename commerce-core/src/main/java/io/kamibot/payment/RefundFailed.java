package io.kamibot.payment;

/** The provider did not return the money; the refund can be tried again. */
public class RefundFailed extends RuntimeException {

	public RefundFailed(String orderNo, String reason) {
		super("Refunding order " + orderNo + " failed: " + reason);
	}
}
