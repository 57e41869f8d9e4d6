package io.kamibot.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.OrderEvents.OrderBackordered;
import io.kamibot.ordering.OrderEvents.OrderCancelled;
import io.kamibot.ordering.OrderEvents.OrderDelivered;
import io.kamibot.ordering.OrderEvents.OrderExpired;
import io.kamibot.ordering.OrderEvents.OrderHeld;
import io.kamibot.ordering.OrderEvents.OrderPaid;
import io.kamibot.ordering.OrderEvents.OrderPlaced;
import io.kamibot.ordering.OrderEvents.OrderRefunded;
import io.kamibot.ordering.OrderEvents.ReservationCapReached;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.ReservationCap;
import io.kamibot.stock.Stock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Places orders and moves them through their lifecycle. Each move asks {@link OrderLifecycle} for the next status
 * and {@link OrderMoves} writes it with an update conditional on the status read, so of two concurrent moves
 * exactly one wins.
 */
@Service
@EnableConfigurationProperties(OrderingSettings.class)
public class Orders {

	private static final Logger log = LoggerFactory.getLogger(Orders.class);
	private static final int ATTEMPTS = 5;
	private static final int SWEEP_BATCH = 500;
	/** An order still CREATED after this long was abandoned by a crashed process half-way through placing it. */
	private static final Duration ABANDONED = Duration.ofMinutes(5);

	private final MongoTemplate mongo;
	private final Catalog catalog;
	private final Stock stock;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final OrderingSettings settings;
	private final OrderNumbers numbers;
	private final OrderMoves moves;
	private final ReservationCap cap;
	/** Looked up when used: rules may themselves read orders. */
	private final ObjectProvider<OrderRules> rules;

	Orders(MongoTemplate mongo, Catalog catalog, Stock stock, ApplicationEventPublisher events, Clock clock,
			OrderingSettings settings, ShopSettings shop, ObjectProvider<OrderRules> rules) {
		this.rules = rules;
		this.mongo = mongo;
		this.catalog = catalog;
		this.stock = stock;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
		this.numbers = new OrderNumbers(shop.zone());
		this.moves = new OrderMoves(mongo, events, clock);
		this.cap = new ReservationCap(settings.reservationCap(), settings.reservationCapMinimum());
		mongo.indexOps(Order.class).createIndex(new Index().on("customerId", Direction.ASC).on("createdAt", Direction.DESC));
		mongo.indexOps(Order.class).createIndex(new Index().on("status", Direction.ASC).on("payBefore", Direction.ASC));
		// The unpaid-order limit counts by these on every purchase; reports read a day of payments.
		mongo.indexOps(Order.class).createIndex(new Index().on("customerId", Direction.ASC).on("status", Direction.ASC));
		mongo.indexOps(Order.class).createIndex(new Index().on("paidAt", Direction.ASC));
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
		Product product = catalog.find(sku).filter(Product::active).orElseThrow(() -> new ProductUnavailable(sku.value()));
		if (quantity < 1 || quantity > product.maxPerOrder()) {
			throw new InvalidQuantity(quantity, product.maxPerOrder());
		}
		rules.orderedStream().forEach(rule -> rule.checkPlacing(customerId, origin, product, quantity));
		Instant now = clock.instant();
		Order order = insertNew(customerId, product, quantity, now);
		boolean reserved;
		try {
			reserved = stock.reserveWithinCap(sku, order.orderNo(), quantity, cap);
		}
		catch (OutOfStock e) {
			// Nobody ever saw this order's number: it is withdrawn, not cancelled, so it never shows in a history.
			mongo.remove(Query.query(where("_id").is(order.orderNo()).and("status").is(OrderStatus.CREATED)), Order.class);
			throw e;
		}
		// Nothing else knows this order yet, so the status just written is still the one stored. An order past the
		// cap awaits payment like any other; it only has no codes waiting for it.
		Order placed = moves.once(order, OrderEvent.RESERVED, reserved ? new Update() : Update.update("unreserved", true))
			.orElseThrow();
		events.publishEvent(new OrderPlaced(placed.orderNo(), customerId));
		if (!reserved) {
			events.publishEvent(new ReservationCapReached(placed.orderNo(), customerId, sku.value(),
					settings.reservationCap()));
		}
		return placed;
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
	 * Cancels an unpaid order of the customer and releases its codes.
	 *
	 * @throws IllegalOrderTransition when it is already paid, expired or cancelled
	 */
	public Order cancel(String orderNo, String customerId) {
		Order cancelled = moves.advance(get(orderNo, customerId), OrderEvent.CANCEL, status -> true, Update::new)
			.orElseThrow(() -> new OrderNotFound(orderNo));
		stock.release(orderNo);
		events.publishEvent(new OrderCancelled(orderNo, customerId));
		return cancelled;
	}

	/**
	 * Records that the order is paid, also when it expired meanwhile (the money is real).
	 * Idempotent: returns {@code true} only for the one call that moved it to PAID (and published
	 * {@link OrderPaid}); a repeated or concurrent call returns {@code false}.
	 *
	 * @param order the order as last read; re-read when it changed since
	 */
	public boolean markPaid(Order order, String payment) {
		Optional<String> review = rules.orderedStream()
			.map(rule -> rule.reviewReason(order))
			.flatMap(Optional::stream)
			.findFirst();
		if (review.isPresent()) {
			// Paid but held: the payment is kept on the order so an approval delivers and a rejection refunds.
			return moves.announce(moves.advance(order, OrderEvent.HOLD, OrderStatus::takesPayment,
					() -> new Update().set("paidAt", clock.instant()).set("payment", payment)
						.set("holdReason", review.get())),
					held -> new OrderHeld(held.orderNo(), held.customerId(), review.get(), true));
		}
		return moves.announce(moves.advance(order, OrderEvent.PAY, OrderStatus::takesPayment,
				() -> new Update().set("paidAt", clock.instant()).set("payment", payment)),
				paid -> new OrderPaid(paid.orderNo(), paid.customerId()));
	}

	/** Holds the order for an admin (a payment that does not match, a risk rule). */
	public boolean hold(Order order, String reason) {
		return moves.announce(moves.advance(order, OrderEvent.HOLD, status -> status != OrderStatus.UNDER_REVIEW,
				() -> new Update().set("holdReason", reason)),
				held -> new OrderHeld(held.orderNo(), held.customerId(), reason, held.payment() != null));
	}

	/**
	 * An admin releases a held order whose payment was accepted: it becomes PAID and is fulfilled.
	 *
	 * @return {@code false} when it was no longer held
	 * @throws NotApprovable when the order holds no accepted payment (a mismatch: reject it instead)
	 */
	public boolean approve(Order order) {
		if (order.status() == OrderStatus.UNDER_REVIEW && order.payment() == null) {
			throw new NotApprovable(order.orderNo());
		}
		return moves.announce(moves.advance(order, OrderEvent.APPROVE, status -> status == OrderStatus.UNDER_REVIEW,
				Update::new), paid -> new OrderPaid(paid.orderNo(), paid.customerId()));
	}

	/** An admin turns down a held order that has no payment to refund; its codes go back on sale. */
	public boolean cancelHeld(Order order) {
		boolean cancelled = moves.announce(moves.advance(order, OrderEvent.CANCEL,
				status -> status == OrderStatus.UNDER_REVIEW, Update::new),
				held -> new OrderCancelled(held.orderNo(), held.customerId()));
		stock.release(order.orderNo());
		return cancelled;
	}

	/** How many of the customer's orders await payment, counted no further than {@code cap}. */
	public long unpaidCount(String customerId, int cap) {
		return mongo.count(Query.query(where("customerId").is(customerId).and("status").is(OrderStatus.AWAITING_PAYMENT))
			.limit(cap), Order.class);
	}

	/** Whether the customer ever received codes. */
	public boolean hasDelivered(String customerId) {
		return mongo.exists(Query.query(where("customerId").is(customerId).and("deliveredAt").ne(null)), Order.class);
	}

	/** Orders paid in {@code [from, to)}, for reports. */
	public List<Order> paidBetween(Instant from, Instant to) {
		return mongo.find(Query.query(where("paidAt").gte(from).lt(to)), Order.class);
	}

	/** The codes are handed over; returns {@code false} when this already happened. */
	public boolean markDelivered(Order order) {
		return moves.announce(moves.advance(order, OrderEvent.DELIVER, status -> status != OrderStatus.DELIVERED,
				() -> new Update().set("deliveredAt", clock.instant())),
				delivered -> new OrderDelivered(delivered.orderNo(), delivered.customerId()));
	}

	/** Paid, but stock ran out; returns {@code false} when it was already waiting. */
	public boolean backorder(Order order) {
		return moves.announce(
				moves.advance(order, OrderEvent.BACKORDER, status -> status == OrderStatus.PAID, Update::new),
				waiting -> new OrderBackordered(waiting.orderNo(), waiting.customerId()));
	}

	/**
	 * The money went back to the buyer; codes it still had reserved (a held order) go back on sale. Returns
	 * {@code false} when the order was already refunded.
	 */
	public boolean markRefunded(Order order) {
		Optional<Order> refunded = moves.advance(order, OrderEvent.REFUND, status -> status != OrderStatus.REFUNDED,
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
		Instant now = clock.instant();
		int changed = 0;
		List<Order> overdue = mongo.find(Query
			.query(where("status").is(OrderStatus.AWAITING_PAYMENT).and("payBefore").lte(now))
			.limit(SWEEP_BATCH), Order.class);
		for (Order order : overdue) {
			if (moves.once(order, OrderEvent.EXPIRE, new Update()).isPresent()) {
				stock.release(order.orderNo());
				events.publishEvent(new OrderExpired(order.orderNo(), order.customerId()));
				changed++;
			}
		}
		List<Order> abandoned = mongo.find(Query
			.query(where("status").is(OrderStatus.CREATED).and("createdAt").lte(now.minus(ABANDONED)))
			.limit(SWEEP_BATCH), Order.class);
		for (Order order : abandoned) {
			if (moves.once(order, OrderEvent.CANCEL, new Update()).isPresent()) {
				stock.release(order.orderNo());
				changed++;
			}
		}
		if (changed > 0) {
			log.info("Expired or cancelled {} unpaid orders", changed);
		}
		return changed;
	}

	/** Paid orders not yet handed over since before {@code paidBefore}: work a crash may have interrupted. */
	public List<Order> paidButUndelivered(Instant paidBefore, int limit) {
		return mongo.find(Query.query(where("status").is(OrderStatus.PAID).and("paidAt").lte(paidBefore))
			.limit(limit), Order.class);
	}

	/** Orders waiting for stock of a product, first paid first. */
	public List<Order> awaitingStock(Sku sku, int limit) {
		return mongo.find(Query.query(where("status").is(OrderStatus.AWAITING_STOCK).and("sku").is(sku.value()))
			.with(Sort.by("paidAt"))
			.limit(limit), Order.class);
	}

	/** Orders held for an admin's decision, oldest first. */
	public List<Order> underReview(int limit) {
		return mongo.find(Query.query(where("status").is(OrderStatus.UNDER_REVIEW))
			.with(Sort.by("createdAt"))
			.limit(limit), Order.class);
	}

	private Order insertNew(String customerId, Product product, int quantity, Instant now) {
		Long stars = product.priceInStars().map(m -> m.times(quantity).minor()).orElse(null);
		for (int attempt = 1;; attempt++) {
			Order order = new Order(numbers.next(now), customerId, product.sku(), product.title(), quantity,
					product.price().times(quantity).minor(), stars, OrderStatus.CREATED, now,
					now.plus(settings.reservation()), null, null, null, null, now, null);
			try {
				return mongo.insert(order);
			}
			catch (DuplicateKeyException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
			}
		}
	}
}
