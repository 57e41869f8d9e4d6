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
 * slot only while sellable, a hand-over is recorded once per order, and the order's own conditional move to
 * DELIVERED decides who announces it, so a recovery sweep or another instance at the same orders changes nothing.
 */
final class BulkFulfilment {

	private final BulkSales sales;
	private final OrderTransitions transitions;
	private final MongoTemplate mongo;
	private final Clock clock;
	private final Function<Order, OrderStatus> alone;

	BulkFulfilment(BulkSales sales, OrderTransitions transitions, MongoTemplate mongo, Clock clock,
			Function<Order, OrderStatus> alone) {
		this.sales = sales;
		this.transitions = transitions;
		this.mongo = mongo;
		this.clock = clock;
		this.alone = alone;
	}

	/**
	 * Fulfils many paid orders of one product that own no codes yet (a benefit plan's period) in a few round trips
	 * however many: their codes are sold in one bulk move and their hand-overs recorded in one write. Then each order
	 * moves to DELIVERED by its own conditional move, which announces it to its buyer, on the executor, so the
	 * messages go out side by side. An order the bulk move could not fill is fulfilled alone (it waits for stock).
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
		Set<String> delivered = whole.stream().map(Order::orderNo).collect(Collectors.toSet());
		Map<String, CompletableFuture<OrderStatus>> moves = new LinkedHashMap<>();
		for (Order order : paid) {
			moves.put(order.orderNo(), CompletableFuture.supplyAsync(() -> delivered.contains(order.orderNo())
					? markDelivered(order) : alone.apply(order), executor));
		}
		Map<String, OrderStatus> statuses = new LinkedHashMap<>();
		moves.forEach((orderNo, move) -> statuses.put(orderNo, move.join()));
		return statuses;
	}

	private OrderStatus markDelivered(Order order) {
		transitions.markDelivered(order);
		return OrderStatus.DELIVERED;
	}
}
