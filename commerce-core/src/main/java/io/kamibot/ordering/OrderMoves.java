package io.kamibot.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.kamibot.events.DomainEvents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Persists the lifecycle's decisions: each move is a findAndModify conditional on the status it starts from, so of
 * two concurrent moves exactly one wins, and the loser re-reads the order and tries again while it still applies.
 */
final class OrderMoves {

	private static final Logger log = LoggerFactory.getLogger(OrderMoves.class);
	private static final int ATTEMPTS = 5;

	private final MongoTemplate mongo;
	private final DomainEvents events;
	private final Clock clock;

	OrderMoves(MongoTemplate mongo, DomainEvents events, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Moves the order by the event while its status accepts it, re-reading it when a concurrent change got there
	 * first (the expiry sweep and a payment, for instance).
	 *
	 * @return the moved order, or empty when its status does not (or no longer) accept the event
	 */
	Optional<Order> advance(Order order, OrderEvent event, Supplier<Update> update) {
		Order current = order;
		for (int attempt = 0; attempt < ATTEMPTS && OrderLifecycle.accepts(current.status(), event); attempt++) {
			Optional<Order> moved = once(current, event, update.get());
			if (moved.isPresent()) {
				return moved;
			}
			current = Optional.ofNullable(mongo.findById(order.orderNo(), Order.class))
				.orElseThrow(() -> new OrderNotFound(order.orderNo()));
		}
		return Optional.empty();
	}

	/**
	 * One attempt: empty when the stored status is no longer the one read.
	 *
	 * @throws IllegalOrderTransition when the status read does not accept the event
	 */
	Optional<Order> once(Order order, OrderEvent event, Update update) {
		Instant now = clock.instant();
		OrderStatus next = OrderLifecycle.next(order, event, now);
		update.set("status", next).set("updatedAt", now)
			.push("moves", new OrderMove(event.name(), order.status(), next, now));
		Order moved = mongo.findAndModify(
				Query.query(where("_id").is(order.orderNo()).and("status").is(order.status())), update,
				FindAndModifyOptions.options().returnNew(true), Order.class);
		if (moved != null) {
			log.debug("Order {} {} -> {}", order.orderNo(), order.status(), next);
		}
		return Optional.ofNullable(moved);
	}

	/** Publishes the event of a move this call made; says whether it made one. */
	boolean announce(Optional<Order> moved, Function<Order, Object> event) {
		moved.ifPresent(order -> events.publish(event.apply(order)));
		return moved.isPresent();
	}
}
