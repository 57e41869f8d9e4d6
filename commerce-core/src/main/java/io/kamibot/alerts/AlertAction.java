package io.kamibot.alerts;

/**
 * A button an alert offers; channels turn it into a button and admins' presses into the action.
 *
 * @param arg what the action applies to: an order number, a SKU, a customer id or a payment's ref
 */
public record AlertAction(Verb verb, String arg) {

	/** What pressing it does. */
	public enum Verb {

		/** Release a held order for delivery. */
		APPROVE,

		/** Turn down a held order: refund or cancel. */
		REJECT,

		/** Take a product off sale. */
		PAUSE,

		/** Ban a customer. */
		BAN,

		/** Replace the codes of an order reported bad. */
		REPLACE,

		/** Refund an order. */
		REFUND,

		/** Refund one payment (by its ref) that its order could not take; the order stays as it is. */
		REFUND_PAYMENT,

		/** Send a delivered order's codes to the buyer again. */
		RESEND
	}
}
