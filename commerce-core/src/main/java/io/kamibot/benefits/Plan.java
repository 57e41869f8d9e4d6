package io.kamibot.benefits;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.kamibot.catalog.Sku;
import org.quartz.CronExpression;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A benefit plan: what each active recipient gets each period, when, for how long, and who pays.
 *
 * @param cron a Quartz cron expression (seconds first) in the shop's time zone, e.g. {@code 0 0 9 1 * ?}
 * @param endsAt no period fires at or after this; {@code null} for no end
 * @param periods how many periods the plan has, skipped ones included; {@code null} for no limit
 * @param payerResellerId the reseller whose wallet pays each issue at their price; {@code null} when the shop bears it
 * @param issuedThrough the fire time of the last period the dispatcher handled (issued or skipped), or {@code null}
 * @param handled how many periods the dispatcher handled
 */
@Document("benefit_plans")
public record Plan(@Id String id, String name, List<Item> items, String cron, Instant startsAt, Instant endsAt,
		Integer periods, CatchUp catchUp, String payerResellerId, PlanStatus status, Instant issuedThrough,
		int handled, Instant createdAt, Instant updatedAt) {

	/** Short enough that a ledger reference of an issue (plan, period, recipient) fits in 64 characters. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,24}");
	static final int MAX_ITEMS = 10;
	static final int MAX_QUANTITY = 100;

	public Plan {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("A plan id is 1-24 characters of A-Za-z0-9_-");
		}
		if (name == null || name.isBlank() || name.length() > 64) {
			throw new IllegalArgumentException("A plan name has 1-64 characters");
		}
		if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
			throw new IllegalArgumentException("A plan has 1-" + MAX_ITEMS + " items");
		}
		items = List.copyOf(items);
		if (cron == null || !CronExpression.isValidExpression(cron)) {
			throw new IllegalArgumentException("A plan's cron is a Quartz cron expression, seconds first, e.g. "
					+ "'0 0 9 1 * ?' for 09:00 on the 1st of each month: " + cron);
		}
		if (startsAt == null || endsAt != null && !endsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException("A plan has a start, and its end (if any) is after it");
		}
		if (periods != null && periods < 1) {
			throw new IllegalArgumentException("A plan's number of periods is at least 1");
		}
		catchUp = catchUp != null ? catchUp : CatchUp.SKIP;
		status = status != null ? status : PlanStatus.ACTIVE;
	}

	/**
	 * What each recipient gets per period of one product.
	 *
	 * @param sku the product
	 * @param quantity how many of its codes
	 */
	public record Item(String sku, int quantity) {

		public Item {
			new Sku(sku);
			if (quantity < 1 || quantity > MAX_QUANTITY) {
				throw new IllegalArgumentException("An item's quantity is from 1 to " + MAX_QUANTITY);
			}
		}

		public Sku productSku() {
			return new Sku(sku);
		}
	}

	public boolean active() {
		return status == PlanStatus.ACTIVE;
	}

	/** Whether the dispatcher handled as many periods as the plan has. */
	boolean periodsUsedUp() {
		return periods != null && handled >= periods;
	}
}
