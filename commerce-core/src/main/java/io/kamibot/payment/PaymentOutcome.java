package io.kamibot.payment;

/** What became of a payment confirmation. */
public enum PaymentOutcome {

	/** Recorded and matching: the order is paid. */
	ACCEPTED,

	/** The same transaction was already recorded; nothing changed. */
	DUPLICATE,

	/**
	 * Amount, currency or order did not match: recorded, the order held for an admin when it awaited this payment,
	 * nothing delivered, and the money returned like an {@link #UNMATCHED} payment's.
	 */
	MISMATCH,

	/**
	 * Recorded, but its order could not take it (paid with another payment, cancelled, refunded): the order is
	 * unchanged, and the money is returned to the payer, or held for an admin's refund when the provider would not
	 * return it.
	 */
	UNMATCHED
}
