package io.kamibot.payment;

import io.kamibot.ordering.OrderStatus;

/** The order no longer awaits payment (paid, cancelled, expired …). */
public class NotPayable extends RuntimeException {

	private final String orderNo;
	private final OrderStatus status;

	NotPayable(String orderNo, OrderStatus status) {
		super("Order " + orderNo + " is " + status + " and cannot be paid");
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
