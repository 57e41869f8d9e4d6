package io.kamibot.ordering;

import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The status condition of a query, from a status set the lifecycle derived. One status is asked as an equality,
 * the shape the (status, …) and (customerId, status) indexes answer with a single range on every backend.
 */
final class StatusFilter {

	private StatusFilter() {
	}

	static Criteria statusIn(Set<OrderStatus> statuses) {
		return is(where("status"), statuses);
	}

	/** The criteria so far, and the status in the set. */
	static Criteria andStatusIn(Criteria criteria, Set<OrderStatus> statuses) {
		return is(criteria.and("status"), statuses);
	}

	private static Criteria is(Criteria status, Set<OrderStatus> statuses) {
		return statuses.size() == 1 ? status.is(statuses.iterator().next()) : status.in(statuses);
	}
}
