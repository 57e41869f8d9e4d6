package io.kamibot.ordering;

/** The order is in a state where the requested change is not allowed. */
public class IllegalOrderTransition extends RuntimeException {

	private final String orderNo;
	private final OrderStatus status;

	IllegalOrderTransition(String orderNo, OrderStatus status, String change) {
		super("Order " + orderNo + " is " + status + " and cannot " + change);
		this.orderNo = orderNo;
		this.status = status;
	}

	public String orderNo() {
		return orderNo;
	}

	public OrderStatus status() {
		return status;
	}
}
