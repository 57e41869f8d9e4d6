package io.kamibot.benefits;

import java.util.List;

/** A plan with its recipients counted and what each period issued, oldest period first. */
public record PlanView(Plan plan, long recipients, long unclaimed, List<PeriodCounts> periods) {
}
