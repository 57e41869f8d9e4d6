package io.kamibot.risk;

/**
 * A risk rule refused an order; nothing was written or reserved.
 *
 * @see Rule
 */
public class RiskRefused extends RuntimeException {

	private final Rule rule;
	private final long limit;

	RiskRefused(Rule rule, long limit) {
		super("Refused by risk rule " + rule + " (limit " + limit + ")");
		this.rule = rule;
		this.limit = limit;
	}

	public Rule rule() {
		return rule;
	}

	/** The limit that was reached (0 for a ban). */
	public long limit() {
		return limit;
	}

	/** Which rule refused. */
	public enum Rule {

		/** The customer is banned. */
		BANNED,

		/** Too many orders in the window. */
		RATE,

		/** Too many orders from one client address in the window, whoever placed them. */
		ADDRESS,

		/** Too many unpaid orders at once. */
		UNPAID,

		/** Too many codes in one order. */
		QUANTITY
	}
}
