package io.kamibot.wallet;

/** Where a ledger entry stands. */
public enum EntryState {
	/** Recorded, and not yet known to be in the balance: whoever reads the wallet next settles it. */
	PENDING,
	/** In the balance, once, at its {@code seq}. */
	APPLIED
}
