package io.kamibot.payment;

/** What a refund request did. */
public enum RefundOutcome {

	/** The money went back and the order is REFUNDED. */
	REFUNDED,

	/** The order was refunded before: nothing happened. */
	ALREADY_REFUNDED
}
