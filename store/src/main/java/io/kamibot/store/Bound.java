package io.kamibot.store;

/**
 * Ends of a range in an index: below and above every value, so a range can be named without a stored key.
 * Never stored.
 */
enum Bound {

	/** Sorts before every value. */
	LOW,

	/** Sorts after every value. */
	HIGH
}
