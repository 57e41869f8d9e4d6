package io.kamibot.ordering;

/** Where an order is in its life. */
public enum OrderStatus {

	/** Written, codes being reserved. Lasts milliseconds unless the process died here. */
	CREATED,

	/** Codes reserved; waiting for the buyer to pay before the reservation ends. */
	AWAITING_PAYMENT,

	/** Paid; the codes are being handed over. */
	PAID,

	/** The buyer has the codes. */
	DELIVERED,

	/** Cancelled by the buyer or the shop before payment; reservation released. */
	CANCELLED,

	/** Not paid in time; reservation released. */
	EXPIRED,

	/** Paid, but stock ran out: delivered as soon as codes are imported. */
	AWAITING_STOCK,

	/** Held for an admin: payment did not match, or a risk rule fired. */
	UNDER_REVIEW,

	/** Money returned to the buyer. */
	REFUNDED;

	/**
	 * Whether the buyer can still pay for the order as it stands: its payment deadline is running (it is one the
	 * deadline can expire).
	 */
	public boolean payable() {
		return OrderLifecycle.accepts(this, OrderEvent.EXPIRE);
	}

	/**
	 * Whether money that arrives now pays the order: it awaits payment, or its time ran out (a late payment is
	 * honoured while codes last). Money for an order in any other status pays for nothing and is returned.
	 */
	public boolean takesPayment() {
		return OrderLifecycle.accepts(this, OrderEvent.PAY);
	}

	/** Whether the order is paid and its codes are still to be handed over (now, or when stock arrives). */
	public boolean awaitsDelivery() {
		return OrderLifecycle.accepts(this, OrderEvent.DELIVER);
	}
}
