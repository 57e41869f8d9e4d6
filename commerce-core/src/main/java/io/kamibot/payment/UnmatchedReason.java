package io.kamibot.payment;

import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;

/** Why a confirmed payment could not pay its order, so that it is returned instead. */
public enum UnmatchedReason {

	/** The order already took another payment (it is paid, delivered, held with it or waiting for stock). */
	ALREADY_PAID,

	/** The order was cancelled: it takes no money any more. */
	ORDER_CANCELLED,

	/** The order's money was returned already: it takes no money any more. */
	ORDER_REFUNDED,

	/** The order cannot be paid now (it is held for review after a payment that did not match). */
	NOT_PAYABLE,

	/** The amount or currency is not what the order costs. */
	WRONG_AMOUNT,

	/** No such order. */
	UNKNOWN_ORDER;

	/** Why an order that does not {@link OrderStatus#takesPayment() take payment} cannot take this one. */
	static UnmatchedReason of(Order order) {
		return switch (order.status()) {
			case CANCELLED -> ORDER_CANCELLED;
			case REFUNDED -> ORDER_REFUNDED;
			default -> order.payment() != null ? ALREADY_PAID : NOT_PAYABLE;
		};
	}
}
