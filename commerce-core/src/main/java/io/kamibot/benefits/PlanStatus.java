package io.kamibot.benefits;

/** Where a plan is in its life. */
public enum PlanStatus {

	/** Issues each period as its schedule says. */
	ACTIVE,

	/** Issues nothing; periods that pass while paused are skipped when it resumes. */
	PAUSED,

	/** Its last period (by its end or its number of periods) is behind it. */
	FINISHED
}
