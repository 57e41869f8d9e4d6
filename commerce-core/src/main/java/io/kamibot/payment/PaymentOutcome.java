package io.kamibot.payment;

/** What became of a payment confirmation. */
public enum PaymentOutcome {

	/** Recorded and matching: the order is paid. */
	ACCEPTED,

	/** The same transaction was already recorded; nothing changed. */
	DUPLICATE,

	/** Amount, currency or order did not match: recorded, the order held for an admin, nothing delivered. */
	MISMATCH
}
