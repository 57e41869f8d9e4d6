package io.kamibot.delivery;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.OrderTransitions;
import io.kamibot.stock.BulkSales;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Hands over many orders at once with the guarantees of {@link Deliveries#fulfil(Order)}: a code moves to an order's
 * slot only while sellable, a hand-over is recorded once per order, and the move to DELIVERED, conditional on the
 * order being paid, decides who announces it, so a recovery sweep or another instance at the same orders changes
 * nothing.
 */
final class BulkFulfilment {

	private final BulkSales sales;
	private final OrderTransitions transitions;
	private final MongoTemplate mongo;
	private final Clock clock;
	private final Function<String, OrderStatus> alone;

	BulkFulfilment(BulkSales sales, OrderTransitions transitions, MongoTemplate mongo, Clock clock,
			Function<String, OrderStatus> alone) {
		this.sales = sales;
		this.transitions = transitions;
		this.mongo = mongo;
		this.clock = clock;
		this.alone = alone;
	}

	/**
	 * Fulfils many paid orders of one product that own no codes yet (a benefit plan's period) in a few round trips
	 * however many: their codes are sold in one bulk move, their hand-overs recorded in one write, and they move to
	 * DELIVERED in one conditional update; the buyers' messages go out on the executor after this returns. An order
	 * the bulk move could not fill is fulfilled alone (it waits for stock).
	 *
	 * @return each order's status afterwards, by order number
	 */
	Map<String, OrderStatus> fulfilEach(Sku sku, List<Order> paid, Executor executor) {
		Map<String, Integer> owned = sales.sellEach(sku,
				paid.stream().collect(Collectors.toMap(Order::orderNo, Order::quantity)));
		List<Order> whole = paid.stream().filter(o -> owned.getOrDefault(o.orderNo(), 0) >= o.quantity()).toList();
		if (!whole.isEmpty()) {
			try {
				mongo.bulkOps(BulkMode.UNORDERED, Delivery.class).insert(whole.stream().map(o -> new Delivery(
						o.orderNo(), o.customerId(), o.quantity(), clock.instant(), null, 0, null)).toList()).execute();
			}
			catch (BulkOperationException e) {
				// Hand-overs another fulfilment of the same orders recorded; each order's own move below decides.
			}
		}
		Set<String> delivered = transitions.markAllDelivered(whole, executor).stream().map(Order::orderNo)
			.collect(Collectors.toSet());
		// The rest alone: short of codes (they wait for stock), or moved meanwhile by another fulfilment.
		Map<String, CompletableFuture<OrderStatus>> single = new LinkedHashMap<>();
		for (Order order : paid) {
			if (!delivered.contains(order.orderNo())) {
				single.put(order.orderNo(), CompletableFuture.supplyAsync(() -> alone.apply(order.orderNo()),
						executor));
			}
		}
		Map<String, OrderStatus> statuses = new LinkedHashMap<>();
		for (Order order : paid) {
			CompletableFuture<OrderStatus> one = single.get(order.orderNo());
			statuses.put(order.orderNo(), one == null ? OrderStatus.DELIVERED : one.join());
		}
		return statuses;
	}
}
