package io.kamibot.ordering;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.kamibot.ordering.OrderEvent.*;
import static io.kamibot.ordering.OrderStatus.*;

/**
 * The order lifecycle: the one table that says which event moves an order from which status to which, and the
 * one guard that must hold. Everything else that asks about statuses (which take payment, which the expiry sweep
 * looks at, which wait for stock) is derived from it once, when the class loads. It decides; {@link OrderMoves}
 * persists the decision with an update conditional on the status it started from, so the stored status stays the
 * single truth across instances. {@code docs/design.md} shows the table; a test keeps the two the same.
 */
final class OrderLifecycle {

	/** A transition's condition beyond the status: given the order as read and the time of the move. */
	@FunctionalInterface
	interface Guard {

		Guard ALWAYS = (order, now) -> true;

		boolean allows(Order order, Instant now);
	}

	/** One allowed move. */
	record Transition(OrderStatus from, OrderEvent event, OrderStatus to, Guard guard, String condition) {
	}

	/** The time-out may only fire once the buyer's time to pay is really over. */
	static final Guard DEADLINE_PASSED = (order, now) -> !now.isBefore(order.payBefore());

	private static final Map<OrderStatus, Map<OrderEvent, Transition>> TABLE = table(
			move(CREATED, RESERVED, AWAITING_PAYMENT),
			move(CREATED, CANCEL, CANCELLED),
			move(AWAITING_PAYMENT, CANCEL, CANCELLED),
			guarded(AWAITING_PAYMENT, EXPIRE, EXPIRED, DEADLINE_PASSED, "once payBefore has passed"),
			move(AWAITING_PAYMENT, PAY, PAID),
			move(EXPIRED, PAY, PAID),
			move(AWAITING_PAYMENT, PAY_FOR_REVIEW, UNDER_REVIEW),
			move(EXPIRED, PAY_FOR_REVIEW, UNDER_REVIEW),
			move(AWAITING_PAYMENT, HOLD, UNDER_REVIEW),
			move(EXPIRED, HOLD, UNDER_REVIEW),
			move(PAID, HOLD, UNDER_REVIEW),
			move(UNDER_REVIEW, APPROVE, PAID),
			move(UNDER_REVIEW, REJECT, CANCELLED),
			move(PAID, BACKORDER, AWAITING_STOCK),
			move(PAID, DELIVER, DELIVERED),
			move(AWAITING_STOCK, DELIVER, DELIVERED),
			move(PAID, REFUND, REFUNDED),
			move(AWAITING_STOCK, REFUND, REFUNDED),
			move(UNDER_REVIEW, REFUND, REFUNDED),
			move(DELIVERED, REFUND, REFUNDED));

	private static final Map<OrderEvent, Set<OrderStatus>> ACCEPTING = byEvent(Transition::from);
	private static final Map<OrderEvent, Set<OrderStatus>> REACHED = byEvent(Transition::to);

	private OrderLifecycle() {
	}

	/** The transition the event makes from the status, if the table has one (its guard not yet asked). */
	static Optional<Transition> transition(OrderStatus from, OrderEvent event) {
		return Optional.ofNullable(TABLE.get(from).get(event));
	}

	/** The statuses an event moves an order from, whatever its guard says: the status filter of a query. */
	static Set<OrderStatus> from(OrderEvent event) {
		return ACCEPTING.get(event);
	}

	/** The statuses an event leaves an order in: the status filter of a query for what it left behind. */
	static Set<OrderStatus> reachedBy(OrderEvent event) {
		return REACHED.get(event);
	}

	static boolean accepts(OrderStatus status, OrderEvent event) {
		return TABLE.get(status).containsKey(event);
	}

	/**
	 * The status the event moves the order to.
	 *
	 * @throws IllegalOrderTransition when the order's status does not accept the event, or its guard says no
	 */
	static OrderStatus next(Order order, OrderEvent event, Instant now) {
		return transition(order.status(), event).filter(t -> t.guard().allows(order, now))
			.map(Transition::to)
			.orElseThrow(() -> new IllegalOrderTransition(order.orderNo(), order.status(), event.verb()));
	}

	private static Transition move(OrderStatus from, OrderEvent event, OrderStatus to) {
		return new Transition(from, event, to, Guard.ALWAYS, null);
	}

	private static Transition guarded(OrderStatus from, OrderEvent event, OrderStatus to, Guard guard,
			String condition) {
		return new Transition(from, event, to, guard, condition);
	}

	private static Map<OrderStatus, Map<OrderEvent, Transition>> table(Transition... transitions) {
		Map<OrderStatus, Map<OrderEvent, Transition>> table = new EnumMap<>(OrderStatus.class);
		for (OrderStatus status : OrderStatus.values()) {
			table.put(status, new EnumMap<>(OrderEvent.class));
		}
		for (Transition t : transitions) {
			if (t.from() == t.to() || table.get(t.from()).put(t.event(), t) != null) {
				throw new IllegalStateException("The order lifecycle lists " + t.from() + " on " + t.event()
						+ " twice or as a move to itself");
			}
		}
		table.replaceAll((status, moves) -> Collections.unmodifiableMap(moves));
		return Collections.unmodifiableMap(table);
	}

	private static Map<OrderEvent, Set<OrderStatus>> byEvent(Function<Transition, OrderStatus> end) {
		Map<OrderEvent, Set<OrderStatus>> byEvent = new EnumMap<>(OrderEvent.class);
		for (OrderEvent event : OrderEvent.values()) {
			Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
			TABLE.values().forEach(moves -> Optional.ofNullable(moves.get(event)).map(end).ifPresent(statuses::add));
			byEvent.put(event, Collections.unmodifiableSet(statuses));
		}
		return Collections.unmodifiableMap(byEvent);
	}
}
