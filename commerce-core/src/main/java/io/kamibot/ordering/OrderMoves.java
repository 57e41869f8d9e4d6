package io.kamibot.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.kamibot.events.DomainEvents;
import org.bson.types.ObjectId;

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
	/** Which bulk move last moved the order ({@link #advanceAll}). */
	private static final String MOVE_MARK = "moveMark";

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

	/**
	 * Moves many orders, each in the status it was read in, by the event: one update per status, conditional on it,
	 * marked with a token of this call so that, when a concurrent move got to some of them first, the orders this call
	 * moved are told from the others (by the mark, not by a time two instances could share).
	 *
	 * @return the orders this call moved
	 */
	List<Order> advanceAll(List<Order> orders, OrderEvent event, Supplier<Update> update) {
		Instant now = clock.instant();
		String mark = new ObjectId().toHexString();
		List<Order> moved = new ArrayList<>();
		orders.stream().collect(Collectors.groupingBy(o -> OrderLifecycle.next(o, event, now) + ">" + o.status()))
			.forEach((move, same) -> {
				List<String> numbers = same.stream().map(Order::orderNo).toList();
				long count = mongo.updateMulti(Query.query(where("_id").in(numbers).and("status")
					.is(same.get(0).status())), update.get().set("status", OrderLifecycle.next(same.get(0), event,
							now)).set("updatedAt", now).set(MOVE_MARK, mark), Order.class).getModifiedCount();
				if (count == same.size()) {
					moved.addAll(same);
				}
				else {
					Set<String> mine = new HashSet<>();
					mongo.find(Query.query(where("_id").in(numbers).and(MOVE_MARK).is(mark)), Order.class)
						.forEach(o -> mine.add(o.orderNo()));
					same.stream().filter(o -> mine.contains(o.orderNo())).forEach(moved::add);
				}
			});
		return moved;
	}

	/** Publishes the event of each move this call made, each on the executor, without waiting for them. */
	void announceAll(List<Order> moved, Function<Order, Object> event, Executor executor) {
		moved.forEach(order -> executor.execute(() -> events.publish(event.apply(order))));
	}
}
