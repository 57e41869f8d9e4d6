package io.kamibot.benefits;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Moves a plan's cursor (the last period handled) forward, conditionally on where it was read, so that of two
 * instances handling the same period one moves it; and records the periods it passes without issuing as skipped.
 */
@Component
class PlanCursor {

	private final MongoTemplate mongo;
	private final Clock clock;

	PlanCursor(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** @return whether this call moved it; {@code false} when someone else moved it since {@code plan} was read */
	boolean advance(Plan plan, Instant through, int periods) {
		Criteria at = where("_id").is(plan.id()).and("issuedThrough").is(plan.issuedThrough()).and("handled")
			.is(plan.handled());
		return mongo.updateFirst(Query.query(at), new Update().set("issuedThrough", through).inc("handled", periods)
			.set("updatedAt", clock.instant()), Plan.class).getModifiedCount() == 1;
	}

	/** Records the periods as skipped and moves the cursor past them. */
	boolean skip(Plan plan, Schedule schedule, List<Instant> fires) {
		if (fires.isEmpty()) {
			return true;
		}
		for (Instant fire : fires) {
			String label = schedule.label(fire);
			try {
				mongo.insert(new PlanPeriod(PlanPeriod.idOf(plan.id(), label), plan.id(), label, fire,
						PeriodState.SKIPPED, clock.instant(), clock.instant()));
			}
			catch (DuplicateKeyException e) {
				// Issued by hand before its time, or recorded by another instance: it stays as it is.
			}
		}
		return advance(plan, fires.get(fires.size() - 1), fires.size());
	}

	/** A plan with no period left is finished. */
	void finish(Plan plan) {
		mongo.updateFirst(Query.query(where("_id").is(plan.id()).and("status").is(PlanStatus.ACTIVE)),
				new Update().set("status", PlanStatus.FINISHED).set("updatedAt", clock.instant()), Plan.class);
	}
}
