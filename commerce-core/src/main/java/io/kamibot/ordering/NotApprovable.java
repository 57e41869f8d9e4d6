package io.kamibot.ordering;

/** A held order without an accepted payment cannot be approved for delivery; it can only be turned down. */
public class NotApprovable extends RuntimeException {

	private final String orderNo;

	public NotApprovable(String orderNo) {
		super("Order " + orderNo + " has no accepted payment to approve");
		this.orderNo = orderNo;
	}

	public String orderNo() {
		return orderNo;
	}
}
