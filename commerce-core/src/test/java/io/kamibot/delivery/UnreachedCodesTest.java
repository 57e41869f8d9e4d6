package io.kamibot.delivery;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertAction;
import io.kamibot.alerts.AlertAction.Verb;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.Payments;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codes that never reach the buyer's chat (no channel runs in core tests, so no message is ever taken): after the
 * last reminder admins get one alert to resend or refund.
 */
@CoreTest
class UnreachedCodesTest {

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	Deliveries deliveries;

	@Autowired
	Alerts alerts;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	@Test
	void afterTheLastReminderAdminsAreToldOnceAndANotifiedDeliveryNever() {
		Order lost = deliveredOrder();
		Order seen = deliveredOrder();
		deliveries.markNotified(seen.orderNo());

		// Other tests' deliveries wait too and a round reminds at most a batch: go on until ours is given up.
		for (int round = 0; round < 100 && unsent(lost).isEmpty(); round++) {
			clock.advance(Duration.ofMinutes(5));
			deliveries.remindUnnotified();
			if (unsent(lost).isEmpty()) {
				assertThat(delivery(lost).gaveUpAt()).isNull();
			}
			else {
				assertThat(delivery(lost).reminders()).as("not before the last reminder")
					.isEqualTo(Deliveries.MAX_REMINDERS);
			}
		}

		Alert alert = unsent(lost).get(0);
		assertThat(alert.args()).containsExactly(lost.orderNo(), lost.customerId(),
				String.valueOf(Deliveries.MAX_REMINDERS));
		assertThat(alert.actions()).containsExactly(new AlertAction(Verb.RESEND, lost.orderNo()),
				new AlertAction(Verb.REFUND, lost.orderNo()));
		for (int round = 0; round < 3; round++) {
			clock.advance(Duration.ofMinutes(5));
			deliveries.remindUnnotified();
		}
		assertThat(unsent(lost)).hasSize(1);
		assertThat(delivery(lost).reminders()).isEqualTo(Deliveries.MAX_REMINDERS);
		assertThat(unsent(seen)).isEmpty();
		assertThat(delivery(seen).reminders()).isZero();
	}

	private Order deliveredOrder() {
		Sku sku = new Sku("UNREACHED-" + UUID.randomUUID().toString().substring(0, 8));
		catalog.save(sku, new ProductDraft("Unreached", null, null, 990L, null, true, 10, 1));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), 2)), "test");
		Order order = orders.place("buyer-" + sku.value(), sku, 1);
		payments.confirm(new PaymentConfirmation("sandbox", "tx-" + order.orderNo(), order.orderNo(),
				Money.fen(order.totalFen())));
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		return order;
	}

	private Delivery delivery(Order order) {
		return mongo.findById(order.orderNo(), Delivery.class);
	}

	private List<Alert> unsent(Order order) {
		return alerts.recent(500).stream()
			.filter(a -> a.type() == AlertType.CODES_UNSENT && a.arg(0).equals(order.orderNo()))
			.toList();
	}
}
