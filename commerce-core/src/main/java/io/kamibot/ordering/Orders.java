package io.kamibot.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Sku;
import io.kamibot.events.DomainEvents;
import io.kamibot.ordering.OrderEvents.OrderBackordered;
import io.kamibot.ordering.OrderEvents.OrderCancelled;
import io.kamibot.ordering.OrderEvents.OrderDelivered;
import io.kamibot.ordering.OrderEvents.OrderHeld;
import io.kamibot.ordering.OrderEvents.OrderPaid;
import io.kamibot.ordering.OrderEvents.OrderRefunded;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.Stock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Places orders and moves them through their lifecycle. Each move asks {@link OrderLifecycle} for the next status
 * and {@link OrderMoves} writes it with an update conditional on the status read, so of two concurrent moves
 * exactly one wins. A move the order's status does not accept changes nothing and returns {@code false}.
 */
@Service
@EnableConfigurationProperties(OrderingSettings.class)
public class Orders {

	private final MongoTemplate mongo;
	private final Stock stock;
	private final DomainEvents events;
	private final Clock clock;
	private final OrderMoves moves;
	private final OrderPlacement placement;
	private final OrderExpiry expiry;
	/** Looked up when used: rules may themselves read orders. */
	private final ObjectProvider<OrderRules> rules;

	Orders(MongoTemplate mongo, Catalog catalog, Stock stock, DomainEvents events, Clock clock,
			OrderingSettings settings, ShopSettings shop, ObjectProvider<OrderRules> rules) {
		this.rules = rules;
		this.mongo = mongo;
		this.stock = stock;
		this.events = events;
		this.clock = clock;
		this.moves = new OrderMoves(mongo, events, clock);
		this.placement = new OrderPlacement(mongo, catalog, stock, events, clock, settings,
				new OrderNumbers(shop.zone()), moves, rules);
		this.expiry = new OrderExpiry(mongo, moves, stock, events, clock);
	}

	/** Places an order whose buyer's address the shop does not know; see {@link #place(String, Sku, int, String)}. */
	public Order place(String customerId, Sku sku, int quantity) {
		return place(customerId, sku, quantity, null);
	}

	/**
	 * Places an order and reserves its codes until {@link Order#payBefore()}; or, when unpaid orders already hold as
	 * much of the product as they may ({@link OrderingSettings#reservationCap()}), places it without reserving codes:
	 * it takes them when it is paid, so a buyer who pays is served while hoarders who never pay wait.
	 *
	 * @param origin the network address the order came from, where the channel knows it (the web chat), for the
	 *     rules that limit orders per address; {@code null} otherwise
	 * @throws ProductUnavailable when the product is unknown or paused
	 * @throws InvalidQuantity when the quantity is out of range
	 * @throws OutOfStock when not enough codes are available; no order is left behind
	 */
	public Order place(String customerId, Sku sku, int quantity, String origin) {
		return placement.place(customerId, sku, quantity, origin);
	}

	public Optional<Order> find(String orderNo) {
		if (!OrderNumbers.looksValid(orderNo)) {
			return Optional.empty();
		}
		return Optional.ofNullable(mongo.findById(orderNo, Order.class));
	}

	/** The order if it belongs to the customer; someone else's order is treated as not found. */
	public Order get(String orderNo, String customerId) {
		return find(orderNo).filter(o -> o.belongsTo(customerId)).orElseThrow(() -> new OrderNotFound(orderNo));
	}

	/** The customer's most recent orders, newest first. */
	public List<Order> history(String customerId, int limit) {
		return mongo.find(Query.query(where("customerId").is(customerId))
			.with(Sort.by(Direction.DESC, "createdAt"))
			.limit(limit), Order.class);
	}

	/**
	 * The buyer cancels an unpaid order; its codes are released.
	 *
	 * @throws IllegalOrderTransition when it is already paid, expired, held or cancelled
	 */
	public Order cancel(String orderNo, String customerId) {
		Order order = get(orderNo, customerId);
		Order cancelled = moves.advance(order, OrderEvent.CANCEL, Update::new)
			.orElseThrow(() -> new IllegalOrderTransition(orderNo,
					find(orderNo).map(Order::status).orElse(order.status()), OrderEvent.CANCEL.verb()));
		stock.release(orderNo);
		events.publish(new OrderCancelled(orderNo, customerId));
		return cancelled;
	}

	/**
	 * Records that the order is paid, also when it expired meanwhile (the money is real); or, when a rule wants an
	 * admin to look first, holds it with the payment kept on it, so an approval delivers and a rejection refunds.
	 * Idempotent: returns {@code true} only for the one call that moved it (and published {@link OrderPaid} or
	 * {@link OrderHeld}); a repeated or concurrent call, or one for an order that takes no payment, returns
	 * {@code false}.
	 *
	 * @param order the order as last read; re-read when it changed since
	 */
	public boolean markPaid(Order order, String payment) {
		Optional<String> review = rules.orderedStream()
			.map(rule -> rule.reviewReason(order))
			.flatMap(Optional::stream)
			.findFirst();
		Supplier<Update> paid = () -> new Update().set("paidAt", clock.instant()).set("payment", payment);
		if (review.isPresent()) {
			return moves.announce(moves.advance(order, OrderEvent.PAY_FOR_REVIEW,
					() -> paid.get().set("holdReason", review.get())),
					held -> new OrderHeld(held.orderNo(), held.customerId(), review.get(), true));
		}
		return moves.announce(moves.advance(order, OrderEvent.PAY, paid),
				done -> new OrderPaid(done.orderNo(), done.customerId()));
	}

	/** Holds the order for an admin (a payment that does not match); {@code false} when its status takes no hold. */
	public boolean hold(Order order, String reason) {
		return moves.announce(moves.advance(order, OrderEvent.HOLD, () -> new Update().set("holdReason", reason)),
				held -> new OrderHeld(held.orderNo(), held.customerId(), reason, held.payment() != null));
	}

	/**
	 * An admin releases a held order whose payment was accepted: it becomes PAID and is fulfilled.
	 *
	 * @return {@code false} when it was no longer held
	 * @throws NotApprovable when the order holds no accepted payment (a mismatch: reject it instead)
	 */
	public boolean approve(Order order) {
		if (OrderLifecycle.accepts(order.status(), OrderEvent.APPROVE) && order.payment() == null) {
			throw new NotApprovable(order.orderNo());
		}
		return moves.announce(moves.advance(order, OrderEvent.APPROVE, Update::new),
				paid -> new OrderPaid(paid.orderNo(), paid.customerId()));
	}

	/** An admin turns down a held order that has no payment to refund; its codes go back on sale. */
	public boolean cancelHeld(Order order) {
		boolean cancelled = moves.announce(moves.advance(order, OrderEvent.REJECT, Update::new),
				held -> new OrderCancelled(held.orderNo(), held.customerId()));
		stock.release(order.orderNo());
		return cancelled;
	}

	/** How many of the customer's orders await payment, counted no further than {@code cap}. */
	public long unpaidCount(String customerId, int cap) {
		return mongo.count(Query.query(StatusFilter.andStatusIn(where("customerId").is(customerId),
				OrderLifecycle.from(OrderEvent.EXPIRE))).limit(cap), Order.class);
	}

	/** Whether the customer ever received codes. */
	public boolean hasDelivered(String customerId) {
		return mongo.exists(Query.query(where("customerId").is(customerId).and("deliveredAt").ne(null)), Order.class);
	}

	/** Orders paid in {@code [from, to)}, for reports. */
	public List<Order> paidBetween(Instant from, Instant to) {
		return mongo.find(Query.query(where("paidAt").gte(from).lt(to)), Order.class);
	}

	/** The codes are handed over; returns {@code false} when this already happened (or cannot). */
	public boolean markDelivered(Order order) {
		return moves.announce(moves.advance(order, OrderEvent.DELIVER,
				() -> new Update().set("deliveredAt", clock.instant())),
				delivered -> new OrderDelivered(delivered.orderNo(), delivered.customerId()));
	}

	/** Paid, but stock ran out; returns {@code false} when it was already waiting. */
	public boolean backorder(Order order) {
		return moves.announce(moves.advance(order, OrderEvent.BACKORDER, Update::new),
				waiting -> new OrderBackordered(waiting.orderNo(), waiting.customerId()));
	}

	/**
	 * The money went back to the buyer; codes it still had reserved (a held order) go back on sale. Returns
	 * {@code false} when the order was already refunded (or cannot be).
	 */
	public boolean markRefunded(Order order) {
		Optional<Order> refunded = moves.advance(order, OrderEvent.REFUND,
				() -> new Update().set("refundedAt", clock.instant()));
		refunded.ifPresent(o -> stock.release(o.orderNo()));
		return moves.announce(refunded, o -> new OrderRefunded(o.orderNo(), o.customerId()));
	}

	/**
	 * Expires unpaid orders whose time is up and releases their codes; also cancels orders a crashed process left
	 * half-placed. Safe to run on several instances at once.
	 *
	 * @return how many orders this call expired or cancelled
	 */
	public int expireOverdue() {
		return expiry.expireOverdue();
	}

	/** Paid orders whose hand-over has not run since before {@code paidBefore}: work a crash may have interrupted. */
	public List<Order> paidButUndelivered(Instant paidBefore, int limit) {
		return mongo.find(Query.query(StatusFilter.statusIn(OrderLifecycle.from(OrderEvent.BACKORDER)).and("paidAt")
			.lte(paidBefore)).limit(limit), Order.class);
	}

	/** Orders waiting for stock of a product, first paid first. */
	public List<Order> awaitingStock(Sku sku, int limit) {
		return mongo.find(Query.query(StatusFilter.statusIn(OrderLifecycle.reachedBy(OrderEvent.BACKORDER)).and("sku")
			.is(sku.value()))
			.with(Sort.by("paidAt"))
			.limit(limit), Order.class);
	}

	/** Orders held for an admin's decision, oldest first. */
	public List<Order> underReview(int limit) {
		return mongo.find(Query.query(StatusFilter.statusIn(OrderLifecycle.from(OrderEvent.APPROVE)))
			.with(Sort.by("createdAt"))
			.limit(limit), Order.class);
	}
}
