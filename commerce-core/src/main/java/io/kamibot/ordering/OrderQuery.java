package io.kamibot.ordering;

import java.time.Instant;

import org.springframework.data.mongodb.core.query.Criteria;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What an admin looks for among orders; every field is optional and the given ones must all match. The order
 * number, customer and SKU are exact (each is an indexed equality); the range is on when the order was placed.
 *
 * @param from placed at or after, or {@code null}
 * @param to placed before, or {@code null}
 */
public record OrderQuery(String orderNo, String customerId, String sku, OrderStatus status, Instant from,
		Instant to) {

	public OrderQuery {
		orderNo = blankToNull(orderNo);
		customerId = blankToNull(customerId);
		sku = blankToNull(sku);
		if (from != null && to != null && !from.isBefore(to)) {
			throw new IllegalArgumentException("from must be before to");
		}
	}

	/** Everything placed in {@code [from, to)}. */
	public static OrderQuery placed(Instant from, Instant to) {
		return new OrderQuery(null, null, null, null, from, to);
	}

	Criteria criteria() {
		Criteria criteria = null;
		criteria = orderNo == null ? criteria : on(criteria, "_id").is(orderNo);
		criteria = customerId == null ? criteria : on(criteria, "customerId").is(customerId);
		criteria = sku == null ? criteria : on(criteria, "sku").is(sku);
		criteria = status == null ? criteria : on(criteria, "status").is(status);
		if (from != null || to != null) {
			criteria = on(criteria, "createdAt");
			criteria = from == null ? criteria : criteria.gte(from);
			criteria = to == null ? criteria : criteria.lt(to);
		}
		return criteria == null ? new Criteria() : criteria;
	}

	/** The field as the first condition, or as one more. */
	private static Criteria on(Criteria criteria, String field) {
		return criteria == null ? where(field) : criteria.and(field);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
