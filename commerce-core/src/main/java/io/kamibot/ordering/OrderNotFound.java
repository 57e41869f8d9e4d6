package io.kamibot.ordering;

/** No order has this number, or it belongs to someone else. */
public class OrderNotFound extends RuntimeException {

	private final String orderNo;

	public OrderNotFound(String orderNo) {
		super("No order " + orderNo);
		this.orderNo = orderNo;
	}

	public String orderNo() {
		return orderNo;
	}
}
