package io.kamibot.ordering;

/** What can happen to an order; the lifecycle says in which states each is accepted. */
enum OrderEvent {

	/** Its codes are reserved. */
	RESERVED,

	/** The buyer or the shop cancels it. */
	CANCEL,

	/** Its payment deadline passed. */
	EXPIRE,

	/** A matching payment arrived (also late, after expiry: the money is real; a cancelled order takes none). */
	PAY,

	/** An admin must look at it. */
	HOLD,

	/** An admin releases a held order for fulfilment. */
	APPROVE,

	/** Paid but not enough stock. */
	BACKORDER,

	/** The codes are handed over. */
	DELIVER,

	/** The money went back. */
	REFUND
}
