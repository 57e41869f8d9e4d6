package io.kamibot.benefits;

/** How far the issue of one period to one recipient went. */
public enum IssueState {

	/** The recipient is a claim code nobody has claimed yet: placed when someone does. */
	AWAITING_CLAIM,

	/** Its orders are being placed and paid; a retry or the next run finishes it. */
	PLACING,

	/** The payer's wallet could not pay it; the period's issue again tries once the wallet is topped up. */
	UNPAID,

	/** Its orders are placed and paid: delivered, or waiting for stock as back-orders. */
	ISSUED
}
