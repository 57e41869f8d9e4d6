package io.kamibot.pricing;

/** A coupon that cannot be used for this order, and why. */
public class CouponRefused extends RuntimeException {

	public enum Reason {
		UNKNOWN, NOT_YET, ENDED, USED_UP, USED_UP_FOR_YOU, NOT_FOR_PRODUCT, BELOW_MINIMUM
	}

	private final String code;
	private final Reason reason;

	public CouponRefused(String code, Reason reason) {
		super("Coupon " + code + " refused: " + reason);
		this.code = code;
		this.reason = reason;
	}

	public String code() {
		return code;
	}

	public Reason reason() {
		return reason;
	}
}
