package io.kamibot.benefits;

import java.time.Instant;
import java.util.List;

import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What one period of a plan issued.
 *
 * @param issued issues whose codes were all delivered
 * @param waiting issues still waiting: for stock (back-ordered), for someone to claim their code, or for the payer
 * @param claimed issues of claim codes that someone claimed
 */
public record PeriodCounts(String period, PeriodState state, Instant fireAt, long issued, long waiting,
		long claimed) {

	static PeriodCounts of(MongoTemplate mongo, String planId, String period) {
		PlanPeriod recorded = mongo.findById(PlanPeriod.idOf(planId, period), PlanPeriod.class);
		refreshWaiting(mongo, planId, period);
		long all = mongo.count(ofPeriod(planId, period), Issue.class);
		long issued = mongo.count(ofPeriod(planId, period).addCriteria(where("state").is(IssueState.ISSUED)
			.and("waitingStock").is(false)), Issue.class);
		List<String> codes = mongo.find(Query.query(where("planId").is(planId).and("key").regex("^claim:")),
				Recipient.class).stream().map(Recipient::id).toList();
		long claimed = codes.isEmpty() ? 0 : mongo.count(ofPeriod(planId, period)
			.addCriteria(where("recipientId").in(codes).and("customerId").ne(null)), Issue.class);
		return new PeriodCounts(period, recorded == null ? null : recorded.state(),
				recorded == null ? null : recorded.fireAt(), issued, all - issued, claimed);
	}

	/** Back-ordered issues whose codes went out on a restock since are issued now. */
	private static void refreshWaiting(MongoTemplate mongo, String planId, String period) {
		for (Issue issue : mongo.find(ofPeriod(planId, period).addCriteria(where("waitingStock").is(true)),
				Issue.class)) {
			boolean delivered = mongo.count(Query.query(where("_id").in(issue.orderNos()).and("status")
				.is(OrderStatus.DELIVERED)), Order.class) == issue.orderNos().size();
			if (delivered) {
				mongo.updateFirst(Query.query(where("_id").is(issue.id())), Update.update("waitingStock", false),
						Issue.class);
			}
		}
	}

	private static Query ofPeriod(String planId, String period) {
		return Query.query(where("planId").is(planId).and("period").is(period));
	}
}
