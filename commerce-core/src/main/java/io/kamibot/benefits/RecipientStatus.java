package io.kamibot.benefits;

/** Whether a recipient gets the next periods' issues. */
public enum RecipientStatus {

	/** Gets each period's issue. */
	ACTIVE,

	/** Gets nothing until resumed; periods issued meanwhile are not made up. */
	PAUSED,

	/** Taken off the plan; what was issued before stays theirs. */
	REMOVED
}
