package io.kamibot.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderEvents.OrderBackordered;
import io.kamibot.ordering.OrderEvents.OrderCancelled;
import io.kamibot.ordering.OrderEvents.OrderDelivered;
import io.kamibot.ordering.OrderEvents.OrderExpired;
import io.kamibot.ordering.OrderEvents.OrderHeld;
import io.kamibot.ordering.OrderEvents.OrderPaid;
import io.kamibot.ordering.OrderEvents.OrderPlaced;
import io.kamibot.ordering.OrderEvents.OrderRefunded;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts orders by the status they entered ({@code kamibot_orders_total{status}}) and times each delivery from the
 * payment ({@code kamibot_delivery_after_payment_seconds}). Counting from the order events costs no query; a
 * counter restarts at zero with the process, which Prometheus' {@code rate()} and {@code increase()} expect.
 */
@Component
class OrderMetrics {

	private static final Logger log = LoggerFactory.getLogger(OrderMetrics.class);

	private final Orders orders;
	private final Map<OrderStatus, Counter> entered = new EnumMap<>(OrderStatus.class);
	private final Timer deliveryAfterPayment;

	OrderMetrics(MeterRegistry registry, Orders orders) {
		this.orders = orders;
		for (OrderStatus status : OrderStatus.values()) {
			if (status == OrderStatus.CREATED) {
				// Passed through in the same moment as AWAITING_PAYMENT; no event marks it.
				continue;
			}
			entered.put(status, Counter.builder("kamibot.orders")
				.description("Orders that entered a status")
				.tag("status", status.name())
				.register(registry));
		}
		this.deliveryAfterPayment = Timer.builder("kamibot.delivery.after.payment")
			.description("Time from an order's payment to the buyer having its codes")
			.serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
					Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(1))
			.register(registry);
	}

	@EventListener
	void on(OrderPlaced placed) {
		entered.get(OrderStatus.AWAITING_PAYMENT).increment();
	}

	@EventListener
	void on(OrderPaid paid) {
		entered.get(OrderStatus.PAID).increment();
	}

	/** The order is read once more for its two times; a failure here must never fail the delivery. */
	@EventListener
	void on(OrderDelivered delivered) {
		entered.get(OrderStatus.DELIVERED).increment();
		try {
			orders.find(delivered.orderNo()).ifPresent(this::time);
		}
		catch (RuntimeException e) {
			log.debug("Could not time a delivery", e);
		}
	}

	private void time(Order order) {
		if (order.paidAt() != null && order.deliveredAt() != null && !order.deliveredAt().isBefore(order.paidAt())) {
			deliveryAfterPayment.record(Duration.between(order.paidAt(), order.deliveredAt()));
		}
	}

	@EventListener
	void on(OrderBackordered backordered) {
		entered.get(OrderStatus.AWAITING_STOCK).increment();
	}

	@EventListener
	void on(OrderHeld held) {
		entered.get(OrderStatus.UNDER_REVIEW).increment();
	}

	@EventListener
	void on(OrderCancelled cancelled) {
		entered.get(OrderStatus.CANCELLED).increment();
	}

	@EventListener
	void on(OrderRefunded refunded) {
		entered.get(OrderStatus.REFUNDED).increment();
	}

	@EventListener
	void on(OrderExpired expired) {
		entered.get(OrderStatus.EXPIRED).increment();
	}
}
