package io.kamibot.ordering;

import java.time.Clock;
import java.time.Instant;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import io.kamibot.events.DomainEvents;
import io.kamibot.ordering.OrderEvents.OrderPlaced;
import io.kamibot.ordering.OrderEvents.ReservationCapReached;
import io.kamibot.pricing.CouponRefused;
import io.kamibot.pricing.CouponUse;
import io.kamibot.pricing.Coupons;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.ReservationCap;
import io.kamibot.stock.Stock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Places an order: checks the product and the rules, writes it CREATED under a fresh number, reserves its codes
 * (or, past the reservation cap, none) and moves it to AWAITING_PAYMENT. An order whose codes ran out is withdrawn
 * before anyone saw its number.
 */
final class OrderPlacement {

	private static final int ATTEMPTS = 5;

	private final MongoTemplate mongo;
	private final Catalog catalog;
	private final Stock stock;
	private final DomainEvents events;
	private final Clock clock;
	private final OrderingSettings settings;
	private final OrderNumbers numbers;
	private final OrderMoves moves;
	private final ReservationCap cap;
	private final ObjectProvider<OrderRules> rules;
	private final Coupons coupons;

	OrderPlacement(MongoTemplate mongo, Catalog catalog, Stock stock, DomainEvents events, Clock clock,
			OrderingSettings settings, OrderNumbers numbers, OrderMoves moves, ObjectProvider<OrderRules> rules,
			Coupons coupons) {
		this.mongo = mongo;
		this.catalog = catalog;
		this.stock = stock;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
		this.numbers = numbers;
		this.moves = moves;
		this.cap = new ReservationCap(settings.reservationCap(), settings.reservationCapMinimum());
		this.rules = rules;
		this.coupons = coupons;
	}

	/** See {@link Orders#place(String, Sku, int, String, String)}. */
	Order place(String customerId, Sku sku, int quantity, String origin, String coupon) {
		Product product = catalog.find(sku).filter(Product::active).orElseThrow(() -> new ProductUnavailable(sku.value()));
		if (quantity < 1 || quantity > product.maxPerOrder()) {
			throw new InvalidQuantity(quantity, product.maxPerOrder());
		}
		rules.orderedStream().forEach(rule -> rule.checkPlacing(customerId, origin, product, quantity));
		Order order = insertNew(customerId, product, quantity, clock.instant());
		Update placing = coupon == null ? new Update() : discounted(order, coupon);
		boolean reserved;
		try {
			reserved = stock.reserveWithinCap(sku, order.orderNo(), quantity, cap);
		}
		catch (OutOfStock e) {
			withdraw(order);
			if (coupon != null) {
				coupons.giveBack(order.orderNo());
			}
			throw e;
		}
		// Nothing else knows this order yet, so the status just written is still the one stored. An order past the
		// cap awaits payment like any other; it only has no codes waiting for it.
		Order placed = moves.once(order, OrderEvent.RESERVED, reserved ? placing : placing.set("unreserved", true))
			.orElseThrow();
		events.publish(new OrderPlaced(placed.orderNo(), customerId));
		if (!reserved) {
			events.publish(new ReservationCapReached(placed.orderNo(), customerId, sku.value(),
					settings.reservationCap()));
		}
		return placed;
	}

	/** Takes a use of the coupon for the order and returns the discounted price, or withdraws the order. */
	private Update discounted(Order order, String coupon) {
		try {
			CouponUse use = coupons.take(coupon, order.customerId(), order.orderNo(), order.sku(), order.totalFen(),
					order.totalStars());
			Update update = Update.update("totalFen", order.totalFen() - use.discountFen());
			return order.totalStars() == null ? update : update.set("totalStars", order.totalStars() - use.discountStars());
		}
		catch (CouponRefused e) {
			withdraw(order);
			throw e;
		}
	}

	/** Nobody ever saw this order's number: it is withdrawn, not cancelled, so it never shows in a history. */
	private void withdraw(Order order) {
		mongo.remove(Query.query(where("_id").is(order.orderNo()).and("status").is(OrderStatus.CREATED)), Order.class);
	}

	private Order insertNew(String customerId, Product product, int quantity, Instant now) {
		Long stars = product.priceInStars().map(m -> m.times(quantity).minor()).orElse(null);
		for (int attempt = 1;; attempt++) {
			Order order = new Order(numbers.next(now), customerId, product.sku(), product.title(), quantity,
					product.price().times(quantity).minor(), stars, OrderStatus.CREATED, now,
					now.plus(settings.reservation()), null, null, null, null, now, null, null);
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
