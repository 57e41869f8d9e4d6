package io.kamibot.delivery;

import io.kamibot.ordering.OrderStatus;

/** The order has no codes to show (not paid, waiting for stock, cancelled …). */
public class NotDeliveredYet extends RuntimeException {

	private final String orderNo;
	private final OrderStatus status;

	public NotDeliveredYet(String orderNo, OrderStatus status) {
		super("Order " + orderNo + " is " + status + " and has no codes to show");
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
