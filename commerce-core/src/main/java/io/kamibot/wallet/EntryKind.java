package io.kamibot.wallet;

/** Why a wallet's balance changed. */
public enum EntryKind {
	/** An admin added money (or, with a negative amount, took some back). */
	TOP_UP,
	/** A bulk order was paid from the wallet. */
	ORDER,
	/** Money for an order that could not be completed came back. */
	REFUND,
	/** A parent reseller's share of a sub-reseller's order. */
	COMMISSION
}
