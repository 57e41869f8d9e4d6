package io.kamibot.benefits;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One period of a plan as it was handled; its id is the plan and the period's label. */
@Document("benefit_periods")
record PlanPeriod(@Id String id, String planId, String period, Instant fireAt, PeriodState state, Instant startedAt,
		Instant doneAt) {

	static String idOf(String planId, String period) {
		return planId + ":" + period;
	}
}
