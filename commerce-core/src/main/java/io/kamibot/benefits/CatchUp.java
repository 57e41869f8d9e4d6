package io.kamibot.benefits;

/** What a plan does with periods whose time passed while the application was down. */
public enum CatchUp {

	/** Each missed period is issued, once, oldest first. */
	ISSUE,

	/** Only the latest period that is due is issued; the ones before it are recorded as skipped. */
	SKIP
}
