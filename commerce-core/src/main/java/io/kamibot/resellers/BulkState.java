package io.kamibot.resellers;

/** Where a bulk order stands. */
public enum BulkState {
	/** Recorded under its reference; codes may be reserved and the wallet may be debited. Finished or undone next. */
	PLACING,
	/** Paid from the wallet and delivered: the same reference returns it as it is. */
	DONE
}
