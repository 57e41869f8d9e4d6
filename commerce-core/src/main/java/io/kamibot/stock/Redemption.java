package io.kamibot.stock;

import java.time.Instant;

/**
 * What became of a code presented for redemption, or what would become of it.
 *
 * @param sku the code's product, when the code is known and of a product the redeemer may redeem
 * @param orderNo the order that bought it, when it was sold
 * @param redeemedAt when it was redeemed, for {@link Outcome#REDEEMED} and {@link Outcome#ALREADY_REDEEMED}
 * @param redeemer who redeemed it, for the same two
 */
public record Redemption(Outcome outcome, String sku, String orderNo, Instant redeemedAt, String redeemer) {

	static Redemption of(Outcome outcome) {
		return new Redemption(outcome, null, null, null, null);
	}

	/** The answers to a code, each with its own HTTP status and chat text. */
	public enum Outcome {

		/** Redeemed now, by this call. */
		REDEEMED,

		/** Sold, in date and not yet redeemed: a redemption would succeed (only a check answers this). */
		REDEEMABLE,

		/** Redeemed before, by this or another redeemer. */
		ALREADY_REDEEMED,

		/** Not a voucher code: its check character fails. Told without a database read. */
		MISTYPED,

		/** Well formed, but no such code. */
		UNKNOWN,

		/** Sold, but past its last day. */
		EXPIRED,

		/** Still in stock or held for an unpaid order: nobody bought it. */
		NOT_SOLD,

		/** Its order was refunded, or the code was taken back. */
		REFUNDED,

		/** Of a product this redeemer may not redeem. */
		NOT_ALLOWED;

		/** Whether the code was no voucher at all: the answers a guesser gets. */
		public boolean miss() {
			return this == MISTYPED || this == UNKNOWN;
		}
	}
}
