package io.kamibot.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import io.kamibot.events.DomainEvents;
import io.kamibot.ordering.OrderEvents.OrderCancelled;
import io.kamibot.ordering.OrderEvents.OrderPaid;
import io.kamibot.ordering.OrderEvents.OrderPlaced;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.Stock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Orders paid from a prepaid balance the moment they are placed (resellers' bulk orders): any quantity, the price
 * the caller worked out, all codes reserved in a few round trips, and no buyer rules (no per-order or unpaid limits,
 * no reservation cap, no review of the payment: the money is already the shop's). They go through the same
 * lifecycle as every order, so delivery, expiry and the recovery sweeps treat them as any other. Each step is safe to
 * repeat, so a caller that crashed may run them again under the same order number.
 */
@Service
public class PrepaidOrders {

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;
	private final Catalog catalog;
	private final Stock stock;
	private final DomainEvents events;
	private final Clock clock;
	private final OrderingSettings settings;
	private final OrderNumbers numbers;
	private final OrderMoves moves;

	PrepaidOrders(MongoTemplate mongo, Catalog catalog, Stock stock, DomainEvents events, Clock clock,
			OrderingSettings settings, ShopSettings shop) {
		this.mongo = mongo;
		this.catalog = catalog;
		this.stock = stock;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
		this.numbers = new OrderNumbers(shop.zone());
		this.moves = new OrderMoves(mongo, events, clock);
	}

	/** A fresh order number, to be recorded by the caller before {@link #place} so that a retry finds the order. */
	public String newNumber() {
		return numbers.next(clock.instant());
	}

	/**
	 * Places the order under the given number with all its codes reserved, or finds it when it was placed before.
	 *
	 * @throws ProductUnavailable when the product is unknown or paused
	 * @throws OutOfStock when fewer codes are available; the order is withdrawn and nothing is left reserved
	 */
	public Order place(String orderNo, String customerId, Sku sku, int quantity, long totalFen) {
		Product product = catalog.find(sku).filter(Product::active).orElseThrow(() -> new ProductUnavailable(sku.value()));
		if (quantity < 1) {
			throw new InvalidQuantity(quantity, Integer.MAX_VALUE);
		}
		Order order = insertOrFind(new Order(orderNo, customerId, sku.value(), product.title(), quantity, totalFen,
				null, OrderStatus.CREATED, clock.instant(), clock.instant().plus(settings.reservation()), null, null,
				null, null, clock.instant(), null, null));
		if (order.status() != OrderStatus.CREATED) {
			return order;
		}
		try {
			stock.reserveAll(sku, orderNo, quantity);
		}
		catch (OutOfStock e) {
			mongo.remove(Query.query(where("_id").is(orderNo).and("status").is(OrderStatus.CREATED)), Order.class);
			throw e;
		}
		Optional<Order> placed = moves.advance(order, OrderEvent.RESERVED, Update::new);
		placed.ifPresent(o -> events.publish(new OrderPlaced(o.orderNo(), customerId)));
		return placed.orElseGet(() -> mongo.findById(orderNo, Order.class));
	}

	/**
	 * Places an order that holds no codes (a benefit plan's issue): it takes them when it is delivered, earliest
	 * expiry first, or waits for stock as a back-order, so a short shelf never withdraws it. Finds the order when it
	 * was placed before under the number. The caller has checked that the product exists (a plan checks its items
	 * once per period, not once per order); a paused product is still issued, since the plan promised it.
	 *
	 * @param title what the recipient sees the order as, e.g. the plan's name and the product's title
	 */
	public Order placeWithoutCodes(String orderNo, String customerId, Sku sku, int quantity, long totalFen,
			String title) {
		if (quantity < 1) {
			throw new InvalidQuantity(quantity, Integer.MAX_VALUE);
		}
		Order order = insertOrFind(unreserved(orderNo, customerId, sku, quantity, totalFen, title, OrderStatus.CREATED,
				null, null));
		if (order.status() != OrderStatus.CREATED) {
			return order;
		}
		Optional<Order> placed = moves.advance(order, OrderEvent.RESERVED, Update::new);
		placed.ifPresent(o -> events.publish(new OrderPlaced(o.orderNo(), customerId)));
		return placed.orElseGet(() -> mongo.findById(orderNo, Order.class));
	}

	/**
	 * Places and pays many orders that hold no codes (a benefit plan's period: an order per recipient) in one write.
	 * Each is recorded as the lifecycle moves a fresh order on being placed and then paid, without {@link OrderPaid},
	 * as {@link #payToDeliver} does: the caller delivers them. An order number placed before (by an earlier run, or by
	 * another instance meanwhile) is left out, for the caller to take on step by step.
	 *
	 * @return the orders this call placed and paid, each announced as placed
	 */
	public List<Order> placePaidWithoutCodes(Sku sku, int quantity, long totalFen, String title, List<Buyer> buyers) {
		if (quantity < 1) {
			throw new InvalidQuantity(quantity, Integer.MAX_VALUE);
		}
		if (buyers.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		List<Order> paid = new ArrayList<>(buyers.size());
		for (Buyer b : buyers) {
			Order created = unreserved(b.orderNo(), b.customerId(), sku, quantity, totalFen, title, OrderStatus.CREATED,
					null, null);
			Order placed = unreserved(b.orderNo(), b.customerId(), sku, quantity, totalFen, title,
					OrderLifecycle.next(created, OrderEvent.RESERVED, now), null, null);
			paid.add(unreserved(b.orderNo(), b.customerId(), sku, quantity, totalFen, title,
					OrderLifecycle.next(placed, OrderEvent.PAY, now), now, b.payment()));
		}
		Set<String> before = new HashSet<>();
		try {
			mongo.bulkOps(BulkMode.UNORDERED, Order.class).insert(paid).execute();
		}
		catch (BulkOperationException e) {
			for (var error : e.getErrors()) {
				if (error.getCode() != DUPLICATE_KEY) {
					throw e;
				}
				before.add(paid.get(error.getIndex()).orderNo());
			}
		}
		List<Order> placedNow = paid.stream().filter(o -> !before.contains(o.orderNo())).toList();
		placedNow.forEach(o -> events.publish(new OrderPlaced(o.orderNo(), o.customerId())));
		return placedNow;
	}

	/** Who an order of {@link #placePaidWithoutCodes} is for, under which number, and the payment it records. */
	public record Buyer(String orderNo, String customerId, String payment) {
	}

	/**
	 * Records the payment of an order that its caller delivers at once itself (a benefit plan's issue, a bulk
	 * order): without {@link OrderPaid}, so delivery's listener does not race the caller for the same order's codes,
	 * and the registry writes nothing per order. A caller that dies before delivering leaves a paid order that the recovery
	 * sweep delivers, as after any crash between a payment and its event. Idempotent.
	 *
	 * @return the order as this call paid it; empty when it was paid before (or takes no payment)
	 */
	public Optional<Order> payToDeliver(Order order, String payment) {
		Instant now = clock.instant();
		return moves.advance(order, OrderEvent.PAY, () -> new Update().set("paidAt", now).set("payment", payment));
	}

	/** Cancels an order that was not paid and puts its codes back; {@code false} when it could not be cancelled. */
	public boolean cancel(Order order) {
		boolean cancelled = moves.announce(moves.advance(order, OrderEvent.CANCEL, Update::new),
				o -> new OrderCancelled(o.orderNo(), o.customerId()));
		// Also when an earlier call cancelled it and died before the codes went back; never for an order that moved on.
		if (cancelled || find(order.orderNo()).map(o -> o.status() == OrderStatus.CANCELLED).orElse(false)) {
			stock.release(order.orderNo());
		}
		return cancelled;
	}

	public Optional<Order> find(String orderNo) {
		return Optional.ofNullable(mongo.findById(orderNo, Order.class));
	}

	private Order unreserved(String orderNo, String customerId, Sku sku, int quantity, long totalFen, String title,
			OrderStatus status, Instant paidAt, String payment) {
		Instant now = clock.instant();
		return new Order(orderNo, customerId, sku.value(), title, quantity, totalFen, null, status, now,
				now.plus(settings.reservation()), paidAt, payment, null, null, now, true, null);
	}

	private Order insertOrFind(Order order) {
		try {
			return mongo.insert(order);
		}
		catch (DuplicateKeyException e) {
			return mongo.findById(order.orderNo(), Order.class);
		}
	}
}
