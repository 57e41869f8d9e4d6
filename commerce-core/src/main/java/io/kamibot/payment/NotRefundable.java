package io.kamibot.payment;

/** The order has no accepted payment to return. */
public class NotRefundable extends RuntimeException {

	NotRefundable(String orderNo) {
		super("Order " + orderNo + " has no accepted payment to refund");
	}
}
