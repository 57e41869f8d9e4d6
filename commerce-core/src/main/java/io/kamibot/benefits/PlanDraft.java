package io.kamibot.benefits;

import java.time.Instant;
import java.util.List;

/**
 * A plan as an admin writes it; see {@link Plan} for what each part means.
 *
 * @param catchUp {@code issue} or {@code skip} (the default)
 */
public record PlanDraft(String name, List<Plan.Item> items, String cron, Instant startsAt, Instant endsAt,
		Integer periods, CatchUp catchUp, String payerResellerId) {
}
