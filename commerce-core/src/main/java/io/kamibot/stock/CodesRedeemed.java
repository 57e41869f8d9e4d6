package io.kamibot.stock;

/** An order holds codes that were redeemed, so the usual refund path may not return its money. */
public class CodesRedeemed extends RuntimeException {

	private final String orderNo;
	private final long redeemed;

	CodesRedeemed(String orderNo, long redeemed) {
		super("Order " + orderNo + " has " + redeemed + " redeemed codes");
		this.orderNo = orderNo;
		this.redeemed = redeemed;
	}

	public String orderNo() {
		return orderNo;
	}

	public long redeemed() {
		return redeemed;
	}
}
