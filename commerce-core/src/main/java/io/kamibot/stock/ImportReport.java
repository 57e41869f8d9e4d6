package io.kamibot.stock;

import java.util.List;

/**
 * The outcome of one import.
 *
 * @param duplicateLines line numbers of codes that were already in stock or earlier in the same file (the first
 *     {@value #MAX_LISTED} of them)
 * @param rejected lines that were not imported, with the reason (the first {@value #MAX_LISTED} of them)
 * @param rejectedCount all rejected lines, also those beyond the list
 */
public record ImportReport(String batchId, long imported, long duplicates, List<Long> duplicateLines,
		List<Rejection> rejected, long rejectedCount) {

	public static final int MAX_LISTED = 1000;

	/** A line that was not imported. */
	public record Rejection(long line, Reason reason) {
	}

	/** Why a line was not imported. */
	public enum Reason {

		/** The line is empty. */
		BLANK,

		/** The code is longer than allowed. */
		TOO_LONG,

		/** The part after the last comma is not a date {@code YYYY-MM-DD}. */
		BAD_DATE,

		/** The expiry date has passed. */
		EXPIRED,

		/** The line's bytes are not UTF-8. */
		INVALID_UTF8,

		/** The line holds NUL, another control character, or an invisible format character. */
		CONTROL_CHARACTER
	}
}
