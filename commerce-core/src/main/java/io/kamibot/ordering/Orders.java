package io.kamibot.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Sku;
import io.kamibot.events.DomainEvents;
import io.kamibot.pricing.Coupons;
import io.kamibot.ordering.OrderEvents.OrderCancelled;
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
 * Places orders, lets their buyers cancel them, expires unpaid ones and answers questions about orders: the ordering
 * feature's API to every module. The moves that payment, review and delivery make on an order afterwards are
 * {@link OrderTransitions}. Each move asks {@link OrderLifecycle} for the next status and {@link OrderMoves} writes it
 * with an update conditional on the status read, so of two concurrent moves exactly one wins.
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

	Orders(MongoTemplate mongo, Catalog catalog, Stock stock, DomainEvents events, Clock clock,
			OrderingSettings settings, ShopSettings shop, ObjectProvider<OrderRules> rules, Coupons coupons) {
		this.mongo = mongo;
		this.stock = stock;
		this.events = events;
		this.clock = clock;
		this.moves = new OrderMoves(mongo, events, clock);
		this.placement = new OrderPlacement(mongo, catalog, stock, events, clock, settings,
				new OrderNumbers(shop.zone()), moves, rules, coupons);
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
		return placement.place(customerId, sku, quantity, origin, null);
	}

	/**
	 * Places an order as {@link #place(String, Sku, int, String)} does, with a coupon's discount taken off its price
	 * (its use given back if the order expires or is cancelled).
	 *
	 * @throws io.kamibot.pricing.CouponRefused when the coupon cannot be used; no order is left behind
	 */
	public Order place(String customerId, Sku sku, int quantity, String origin, String coupon) {
		return placement.place(customerId, sku, quantity, origin, coupon);
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

	/**
	 * A page of the orders the query matches, newest first: {@code limit} of them after skipping {@code skip}, and
	 * whether more follow (asked for one more rather than counted, so no page costs a count of every order).
	 */
	public OrderPage search(OrderQuery query, int skip, int limit) {
		List<Order> found = mongo.find(Query.query(query.criteria())
			.with(Sort.by(Direction.DESC, "createdAt"))
			.skip(skip)
			.limit(limit + 1), Order.class);
		boolean more = found.size() > limit;
		return new OrderPage(more ? found.subList(0, limit) : found, more);
	}

	/** Every order the query matches, newest first, read as the caller goes; close the stream. */
	public Stream<Order> stream(OrderQuery query) {
		return mongo.stream(Query.query(query.criteria()).with(Sort.by(Direction.DESC, "createdAt")), Order.class);
	}

	/** Orders held for an admin's decision, oldest first. */
	public List<Order> underReview(int limit) {
		return mongo.find(Query.query(StatusFilter.statusIn(OrderLifecycle.from(OrderEvent.APPROVE)))
			.with(Sort.by("createdAt"))
			.limit(limit), Order.class);
	}
}
