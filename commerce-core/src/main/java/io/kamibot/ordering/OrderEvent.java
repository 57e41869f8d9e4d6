package io.kamibot.ordering;

import java.util.Locale;

/** What can happen to an order; {@link OrderLifecycle} says in which statuses each is accepted. */
enum OrderEvent {

	/** Its codes are reserved (or it was placed past the reservation cap): the buyer may pay. */
	RESERVED,

	/** The buyer cancels it before paying, or the expiry sweep cancels one a crash left half-placed. */
	CANCEL,

	/** Its payment deadline passed. */
	EXPIRE,

	/** A matching payment arrived (also late, after expiry: the money is real; a cancelled order takes none). */
	PAY,

	/** A matching payment arrived, but a rule wants an admin to look before anything is handed over. */
	PAY_FOR_REVIEW,

	/** An admin must look at it (a payment that did not match). */
	HOLD,

	/** An admin releases a held order that holds an accepted payment: it is fulfilled. */
	APPROVE,

	/** An admin turns down a held order that holds no payment to refund. */
	REJECT,

	/** Paid but not enough stock. */
	BACKORDER,

	/** The codes are handed over. */
	DELIVER,

	/** The money went back. */
	REFUND;

	/** The event as words, for a message: {@code pay for review}. */
	String verb() {
		return name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}
}
