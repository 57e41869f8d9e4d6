package io.kamibot.ordering;

/** No order has this number, or it belongs to someone else. */
public class OrderNotFound extends RuntimeException {

	public OrderNotFound(String orderNo) {
		super("No order " + orderNo);
	}
}
