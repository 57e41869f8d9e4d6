package io.kamibot.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.Stock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Places orders and moves them through their lifecycle. Each move asks {@link OrderLifecycle} for the next status
 * and writes it with an update conditional on the status read, so of two concurrent moves exactly one wins.
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

	Orders(MongoTemplate mongo, Catalog catalog, Stock stock, ApplicationEventPublisher events, Clock clock,
			OrderingSettings settings, ShopSettings shop) {
		this.mongo = mongo;
		this.catalog = catalog;
		this.stock = stock;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
		this.numbers = new OrderNumbers(shop.zone());
		mongo.indexOps(Order.class).createIndex(new Index().on("customerId", Direction.ASC).on("createdAt", Direction.DESC));
		mongo.indexOps(Order.class).createIndex(new Index().on("status", Direction.ASC).on("payBefore", Direction.ASC));
	}

	/**
	 * Places an order and reserves its codes until {@link Order#payBefore()}.
	 *
	 * @throws ProductUnavailable when the product is unknown or paused
	 * @throws InvalidQuantity when the quantity is out of range
	 * @throws OutOfStock when not enough codes are available; no order is left behind
	 */
	public Order place(String customerId, Sku sku, int quantity) {
		Product product = catalog.find(sku).filter(Product::active).orElseThrow(() -> new ProductUnavailable(sku.value()));
		if (quantity < 1 || quantity > product.maxPerOrder()) {
			throw new InvalidQuantity(quantity, product.maxPerOrder());
		}
		Instant now = clock.instant();
		Order order = insertNew(customerId, product, quantity, now);
		try {
			stock.reserve(sku, order.orderNo(), quantity);
		}
		catch (OutOfStock e) {
			// Nobody ever saw this order's number: it is withdrawn, not cancelled, so it never shows in a history.
			mongo.remove(Query.query(where("_id").is(order.orderNo()).and("status").is(OrderStatus.CREATED)), Order.class);
			throw e;
		}
		// Nothing else knows this order yet, so the status just written is still the one stored.
		Order placed = moveOnce(order, OrderEvent.RESERVED, new Update()).orElseThrow();
		events.publishEvent(new OrderPlaced(placed.orderNo(), customerId));
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
		Order cancelled = advance(get(orderNo, customerId), OrderEvent.CANCEL, status -> true, Update::new)
			.orElseThrow(() -> new OrderNotFound(orderNo));
		stock.release(orderNo);
		events.publishEvent(new OrderCancelled(orderNo, customerId));
		return cancelled;
	}

	/**
	 * Records that the order is paid, also when it expired or was cancelled meanwhile (the money is real).
	 * Idempotent: returns {@code true} only for the one call that moved it to PAID (and published
	 * {@link OrderPaid}); a repeated or concurrent call returns {@code false}.
	 *
	 * @param order the order as last read; re-read when it changed since
	 */
	public boolean markPaid(Order order, String payment) {
		return announce(advance(order, OrderEvent.PAY, Orders::takesPayment,
				() -> new Update().set("paidAt", clock.instant()).set("payment", payment)),
				paid -> new OrderPaid(paid.orderNo(), paid.customerId()));
	}

	/** Holds the order for an admin (a payment that does not match, a risk rule). */
	public boolean hold(Order order, String reason) {
		return announce(advance(order, OrderEvent.HOLD, status -> status != OrderStatus.UNDER_REVIEW,
				() -> new Update().set("holdReason", reason)),
				held -> new OrderHeld(held.orderNo(), held.customerId(), reason));
	}

	/** The codes are handed over; returns {@code false} when this already happened. */
	public boolean markDelivered(Order order) {
		return announce(advance(order, OrderEvent.DELIVER, status -> status != OrderStatus.DELIVERED,
				() -> new Update().set("deliveredAt", clock.instant())),
				delivered -> new OrderDelivered(delivered.orderNo(), delivered.customerId()));
	}

	/** Paid, but stock ran out; returns {@code false} when it was already waiting. */
	public boolean backorder(Order order) {
		return announce(advance(order, OrderEvent.BACKORDER, status -> status == OrderStatus.PAID, Update::new),
				waiting -> new OrderBackordered(waiting.orderNo(), waiting.customerId()));
	}

	/** The money went back to the buyer; returns {@code false} when the order was already refunded. */
	public boolean markRefunded(Order order) {
		return announce(advance(order, OrderEvent.REFUND, status -> status != OrderStatus.REFUNDED,
				() -> new Update().set("refundedAt", clock.instant())),
				refunded -> new OrderRefunded(refunded.orderNo(), refunded.customerId()));
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
			if (moveOnce(order, OrderEvent.EXPIRE, new Update()).isPresent()) {
				stock.release(order.orderNo());
				events.publishEvent(new OrderExpired(order.orderNo(), order.customerId()));
				changed++;
			}
		}
		List<Order> abandoned = mongo.find(Query
			.query(where("status").is(OrderStatus.CREATED).and("createdAt").lte(now.minus(ABANDONED)))
			.limit(SWEEP_BATCH), Order.class);
		for (Order order : abandoned) {
			if (moveOnce(order, OrderEvent.CANCEL, new Update()).isPresent()) {
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

	private Order insertNew(String customerId, Product product, int quantity, Instant now) {
		Long stars = product.priceInStars().map(m -> m.times(quantity).minor()).orElse(null);
		for (int attempt = 1;; attempt++) {
			Order order = new Order(numbers.next(now), customerId, product.sku(), product.title(), quantity,
					product.price().times(quantity).minor(), stars, OrderStatus.CREATED, now,
					now.plus(settings.reservation()), null, null, null, null, now);
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

	/**
	 * Moves the order by the event while its status is one the caller means to move from, re-reading it when a
	 * concurrent change got there first (the expiry sweep and a payment, for instance).
	 *
	 * @return the moved order, or empty when its status no longer {@code applies}
	 */
	private Optional<Order> advance(Order order, OrderEvent event, Predicate<OrderStatus> applies,
			Supplier<Update> update) {
		Order current = order;
		for (int attempt = 0; attempt < ATTEMPTS && applies.test(current.status()); attempt++) {
			Optional<Order> moved = moveOnce(current, event, update.get());
			if (moved.isPresent()) {
				return moved;
			}
			current = find(order.orderNo()).orElseThrow(() -> new OrderNotFound(order.orderNo()));
		}
		return Optional.empty();
	}

	private static boolean takesPayment(OrderStatus status) {
		return status == OrderStatus.AWAITING_PAYMENT || status == OrderStatus.EXPIRED
				|| status == OrderStatus.CANCELLED;
	}

	/** Publishes the event of a move this call made; says whether it made one. */
	private boolean announce(Optional<Order> moved, Function<Order, Object> event) {
		moved.ifPresent(order -> events.publishEvent(event.apply(order)));
		return moved.isPresent();
	}

	/**
	 * One attempt: empty when the stored status is no longer the one read.
	 *
	 * @throws IllegalOrderTransition when the status read does not accept the event
	 */
	private Optional<Order> moveOnce(Order order, OrderEvent event, Update update) {
		Instant now = clock.instant();
		OrderStatus next = OrderLifecycle.next(order, event, now);
		update.set("status", next).set("updatedAt", now);
		Order moved = mongo.findAndModify(
				Query.query(where("_id").is(order.orderNo()).and("status").is(order.status())), update,
				FindAndModifyOptions.options().returnNew(true), Order.class);
		if (moved != null) {
			log.debug("Order {} {} -> {}", order.orderNo(), order.status(), next);
		}
		return Optional.ofNullable(moved);
	}
}
