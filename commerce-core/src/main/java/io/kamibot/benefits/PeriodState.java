package io.kamibot.benefits;

/** What happened to one period of a plan. */
public enum PeriodState {

	/** Its recipients are being issued; a run that died leaves it so, and the next one finishes it. */
	ISSUING,

	/** Every active recipient of the time was issued (or waits for a claim, stock or money). */
	DONE,

	/** Missed while the application was down (catch-up {@code skip}) or while the plan was paused. */
	SKIPPED
}
