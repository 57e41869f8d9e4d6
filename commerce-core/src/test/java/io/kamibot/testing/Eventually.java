package io.kamibot.testing;

import java.time.Duration;
import java.util.Objects;

import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import org.awaitility.Awaitility;

/**
 * Waits for what the event listeners do: they run on their own threads after the call that published the event
 * returned (delivery after a payment, delivery of back-orders after an import, alerts, the audit log).
 */
public final class Eventually {

	private Eventually() {
	}

	/** Until the order is in the status, at most 10 seconds. */
	public static void orderStatus(Orders orders, String orderNo, OrderStatus status) {
		Awaitility.await("order " + orderNo + " to be " + status)
			.atMost(Duration.ofSeconds(10))
			.until(() -> orders.find(orderNo).orElseThrow().status(), actual -> Objects.equals(actual, status));
	}
}
