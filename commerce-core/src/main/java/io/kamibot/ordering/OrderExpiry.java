package io.kamibot.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.kamibot.events.DomainEvents;
import io.kamibot.ordering.OrderEvents.OrderCancelled;
import io.kamibot.ordering.OrderEvents.OrderExpired;
import io.kamibot.stock.Stock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
/**
 * The sweep that ends unpaid orders: those the deadline can expire once it passed, and those a crashed process left
 * half-placed. Which statuses it reads comes from {@link OrderLifecycle}, so the query and the moves agree.
 */
final class OrderExpiry {

	private static final Logger log = LoggerFactory.getLogger(OrderExpiry.class);
	private static final int SWEEP_BATCH = 500;
	/** An order still being placed after this long was abandoned by a crashed process half-way through. */
	private static final Duration ABANDONED = Duration.ofMinutes(5);

	private final MongoTemplate mongo;
	private final OrderMoves moves;
	private final Stock stock;
	private final DomainEvents events;
	private final Clock clock;

	OrderExpiry(MongoTemplate mongo, OrderMoves moves, Stock stock, DomainEvents events, Clock clock) {
		this.mongo = mongo;
		this.moves = moves;
		this.stock = stock;
		this.events = events;
		this.clock = clock;
	}

	/** See {@link Orders#expireOverdue()}. */
	int expireOverdue() {
		Instant now = clock.instant();
		int changed = 0;
		List<Order> overdue = mongo.find(Query
			.query(StatusFilter.statusIn(OrderLifecycle.from(OrderEvent.EXPIRE)).and("payBefore").lte(now))
			.limit(SWEEP_BATCH), Order.class);
		for (Order order : overdue) {
			if (moves.once(order, OrderEvent.EXPIRE, new Update()).isPresent()) {
				stock.release(order.orderNo());
				events.publish(new OrderExpired(order.orderNo(), order.customerId()));
				changed++;
			}
		}
		List<Order> abandoned = mongo.find(Query
			.query(StatusFilter.statusIn(OrderLifecycle.from(OrderEvent.RESERVED)).and("createdAt")
				.lte(now.minus(ABANDONED)))
			.limit(SWEEP_BATCH), Order.class);
		for (Order order : abandoned) {
			if (moves.once(order, OrderEvent.CANCEL, new Update()).isPresent()) {
				stock.release(order.orderNo());
				// Nobody saw it, but what it took (a coupon's use) goes back.
				events.publish(new OrderCancelled(order.orderNo(), order.customerId()));
				changed++;
			}
		}
		if (changed > 0) {
			log.info("Expired or cancelled {} unpaid orders", changed);
		}
		return changed;
	}
}
