package io.kamibot.benefits;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.catalog.Catalog;
import io.kamibot.resellers.Resellers;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Benefit plans as admins write them, pause and resume them, and read what they issued. Saving a plan changes what it
 * is and when it fires, never how far it got: the dispatcher goes on from the last period it handled, with the new
 * schedule, and a paused plan is simply not looked at.
 */
@Service
public class Plans {

	private final MongoTemplate mongo;
	private final Catalog catalog;
	private final Resellers resellers;
	private final PlanCursor cursor;
	private final Clock clock;
	private final ZoneId zone;

	Plans(MongoTemplate mongo, Catalog catalog, Resellers resellers, PlanCursor cursor, Clock clock,
			ShopSettings shop) {
		this.mongo = mongo;
		this.catalog = catalog;
		this.resellers = resellers;
		this.cursor = cursor;
		this.clock = clock;
		this.zone = shop.zone();
	}

	/**
	 * Creates the plan or changes it; a new plan is active, and a finished one given more periods is active again.
	 *
	 * @throws IllegalArgumentException when a part of it is invalid
	 * @throws io.kamibot.catalog.UnknownProduct, io.kamibot.resellers.UnknownReseller when an item or the payer is
	 *     unknown
	 */
	public Plan save(String id, PlanDraft draft) {
		Plan checked = new Plan(id, draft.name(), draft.items(), draft.cron(), draft.startsAt(), draft.endsAt(),
				draft.periods(), draft.catchUp(), draft.payerResellerId(), null, null, 0, null, null);
		checked.items().forEach(item -> catalog.get(item.productSku()));
		if (checked.payerResellerId() != null) {
			resellers.get(checked.payerResellerId());
		}
		Update update = new Update().set("name", checked.name()).set("items", checked.items())
			.set("cron", checked.cron()).set("startsAt", checked.startsAt()).set("endsAt", checked.endsAt())
			.set("periods", checked.periods()).set("catchUp", checked.catchUp())
			.set("payerResellerId", checked.payerResellerId()).set("updatedAt", clock.instant())
			.setOnInsert("status", PlanStatus.ACTIVE).setOnInsert("handled", 0)
			.setOnInsert("createdAt", clock.instant());
		Plan saved = mongo.findAndModify(Query.query(where("_id").is(id)), update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Plan.class);
		if (saved.status() == PlanStatus.FINISHED && !new Schedule(saved, zone).over()) {
			// Given more periods or a later end: it goes on from the last period it handled.
			mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(PlanStatus.FINISHED)),
					Update.update("status", PlanStatus.ACTIVE), Plan.class);
			return get(id);
		}
		return saved;
	}

	public Optional<Plan> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Plan.class));
	}

	/** @throws UnknownPlan when there is no such plan */
	public Plan get(String id) {
		return require(mongo, id);
	}

	static Plan require(MongoTemplate mongo, String id) {
		Plan plan = mongo.findById(id, Plan.class);
		if (plan == null) {
			throw new UnknownPlan(id);
		}
		return plan;
	}

	/** Every plan, by id. */
	public List<Plan> list() {
		return mongo.find(new Query().with(Sort.by("_id")).limit(1_000), Plan.class);
	}

	/** Stops issuing; returns the plan. Idempotent. */
	public Plan pause(String id) {
		get(id);
		mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(PlanStatus.ACTIVE)),
				new Update().set("status", PlanStatus.PAUSED).set("updatedAt", clock.instant()), Plan.class);
		return get(id);
	}

	/** Issues again from the next period on: periods that passed while it was paused are skipped. Idempotent. */
	public Plan resume(String id) {
		Plan plan = get(id);
		if (plan.status() == PlanStatus.PAUSED) {
			Schedule schedule = new Schedule(plan, zone);
			cursor.skip(plan, schedule, schedule.due(clock.instant()));
			mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(PlanStatus.PAUSED)),
					new Update().set("status", PlanStatus.ACTIVE).set("updatedAt", clock.instant()), Plan.class);
		}
		return get(id);
	}

	/** The plan with every period it handled or issued by hand, and what each issued. */
	public PlanView view(String id) {
		Plan plan = get(id);
		List<PeriodCounts> periods = mongo.find(Query.query(where("planId").is(id)).with(Sort.by("fireAt")),
				PlanPeriod.class).stream().map(p -> PeriodCounts.of(mongo, id, p.period())).toList();
		long recipients = mongo.count(Query.query(where("planId").is(id).and("status").ne(RecipientStatus.REMOVED)),
				Recipient.class);
		long unclaimed = mongo.count(Query.query(where("planId").is(id).and("status").ne(RecipientStatus.REMOVED)
			.and("customerId").is(null)), Recipient.class);
		return new PlanView(plan, recipients, unclaimed, periods);
	}
}
