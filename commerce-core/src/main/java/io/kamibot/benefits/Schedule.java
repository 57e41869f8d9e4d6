package io.kamibot.benefits;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * A plan's periods: the fire times of its cron in the shop's time zone from its start, before its end and up to its
 * number of periods, each named by a label as coarse as the schedule allows ({@code 2026-12} for a monthly plan,
 * {@code 2026-12-01} for a daily or weekly one, {@code 2026-12-01T09:00} for several a day). The label is the period
 * in the issue key, so it never depends on when or where a fire was noticed.
 */
final class Schedule {

	/** The most fire times one look walks through, so a per-second cron after a long downtime cannot loop for long. */
	static final int SCAN_LIMIT = 1_000;
	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

	private final Plan plan;
	private final ZoneId zone;
	private final CronExpression cron;
	private final DateTimeFormatter labels;

	Schedule(Plan plan, ZoneId zone) {
		this.plan = plan;
		this.zone = zone;
		try {
			this.cron = new CronExpression(plan.cron());
		}
		catch (ParseException e) {
			throw new IllegalArgumentException("Not a Quartz cron expression: " + plan.cron(), e);
		}
		cron.setTimeZone(TimeZone.getTimeZone(zone));
		this.labels = granularity();
	}

	/** The first fire time strictly after {@code after} that is within the plan's start and end. */
	Optional<Instant> next(Instant after) {
		Instant from = after.isBefore(plan.startsAt()) ? plan.startsAt().minusMillis(1) : after;
		Date next = cron.getNextValidTimeAfter(Date.from(from));
		if (next == null || plan.endsAt() != null && !next.toInstant().isBefore(plan.endsAt())) {
			return Optional.empty();
		}
		return Optional.of(next.toInstant());
	}

	/**
	 * The periods after the plan's cursor whose time has come by {@code now}, oldest first, at most
	 * {@value #SCAN_LIMIT} and no more than the plan's periods left.
	 */
	List<Instant> due(Instant now) {
		List<Instant> due = new ArrayList<>();
		Instant cursor = plan.issuedThrough() != null ? plan.issuedThrough() : plan.startsAt().minusMillis(1);
		int left = plan.periods() == null ? SCAN_LIMIT : Math.min(SCAN_LIMIT, plan.periods() - plan.handled());
		while (due.size() < left) {
			Optional<Instant> next = next(cursor).filter(t -> !t.isAfter(now));
			if (next.isEmpty()) {
				break;
			}
			due.add(next.get());
			cursor = next.get();
		}
		return due;
	}

	/** Whether no period is left after the plan's cursor. */
	boolean over() {
		return plan.periodsUsedUp() || plan.issuedThrough() != null && next(plan.issuedThrough()).isEmpty();
	}

	String label(Instant fire) {
		return labels.format(fire.atZone(zone));
	}

	/**
	 * The fire time of the period with this label: the schedule's first fire within it.
	 *
	 * @throws UnknownPeriod when the label is not one of this plan's periods
	 */
	Instant fireOf(String label) {
		Instant start;
		try {
			TemporalAccessor parsed = labels.parse(label);
			start = labels == MONTH
					? YearMonth.from(parsed).atDay(1).atStartOfDay(zone).toInstant()
					: labels == DAY ? LocalDate.from(parsed).atStartOfDay(zone).toInstant()
							: LocalDateTime.from(parsed).atZone(zone).toInstant();
		}
		catch (DateTimeException | NullPointerException e) {
			throw new UnknownPeriod(plan.id(), label);
		}
		return next(start.minusMillis(1)).filter(fire -> label(fire).equals(label))
			.orElseThrow(() -> new UnknownPeriod(plan.id(), label));
	}

	/** As coarse as the shortest gap between the plan's first fires allows, so each period has its own label. */
	private DateTimeFormatter granularity() {
		Duration shortest = Duration.ofDays(366);
		Instant previous = null;
		Instant cursor = plan.startsAt().minusMillis(1);
		for (int i = 0; i < 6; i++) {
			Date next = cron.getNextValidTimeAfter(Date.from(cursor));
			if (next == null) {
				break;
			}
			if (previous != null) {
				Duration gap = Duration.between(previous, next.toInstant());
				shortest = gap.compareTo(shortest) < 0 ? gap : shortest;
			}
			previous = next.toInstant();
			cursor = previous;
		}
		if (shortest.compareTo(Duration.ofDays(28)) >= 0 && sameMonthNeverTwice()) {
			return MONTH;
		}
		return shortest.compareTo(Duration.of(1, ChronoUnit.DAYS)) >= 0 ? DAY : MINUTE;
	}

	/** A cron with a 28-day gap could still fire twice in a month (e.g. the 1st and the 29th of February's month). */
	private boolean sameMonthNeverTwice() {
		String expression = plan.cron().trim().split("\\s+")[3];
		return expression.matches("\\d{1,2}|L");
	}
}
