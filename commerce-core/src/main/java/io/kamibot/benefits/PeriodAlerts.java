package io.kamibot.benefits;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Tells admins once per plan and period what a period could not issue: the codes short (waiting as back-orders) and
 * the issues the payer could not pay. The alert's key is the plan and period, so a second run raises nothing.
 */
@Component
class PeriodAlerts {

	private final MongoTemplate mongo;
	private final Alerts alerts;

	PeriodAlerts(MongoTemplate mongo, Alerts alerts) {
		this.mongo = mongo;
		this.alerts = alerts;
	}

	void afterPeriod(Plan plan, String period) {
		Query ofPeriod = Query.query(where("planId").is(plan.id()).and("period").is(period));
		List<String> waiting = mongo.find(Query.query(where("planId").is(plan.id()).and("period").is(period)
			.and("waitingStock").is(true)), Issue.class).stream().flatMap(i -> i.orderNos().stream()).toList();
		if (!waiting.isEmpty()) {
			Map<String, Integer> missing = new TreeMap<>();
			mongo.find(Query.query(where("_id").in(waiting).and("status").is(OrderStatus.AWAITING_STOCK)), Order.class)
				.forEach(o -> missing.merge(o.sku(), o.quantity(), Integer::sum));
			if (!missing.isEmpty()) {
				String shortfall = missing.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
					.collect(Collectors.joining(", "));
				alerts.raise(AlertType.BENEFIT_SHORTFALL, "benefit-short:" + plan.id() + ":" + period,
						List.of(plan.id(), plan.name(), period, shortfall), List.of());
			}
		}
		long unpaid = mongo.count(Query.of(ofPeriod).addCriteria(where("state").is(IssueState.UNPAID)), Issue.class);
		if (unpaid > 0) {
			alerts.raise(AlertType.BENEFIT_UNPAID, "benefit-unpaid:" + plan.id() + ":" + period,
					List.of(plan.id(), plan.name(), period, String.valueOf(plan.payerResellerId()),
							String.valueOf(unpaid)), List.of());
		}
	}
}
