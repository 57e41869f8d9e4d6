package io.kamibot.alerts;

import java.util.List;

import io.kamibot.alerts.AlertAction.Verb;
import io.kamibot.delivery.CodesUnreached;
import io.kamibot.ordering.OrderEvents.OrderBackordered;
import io.kamibot.ordering.OrderEvents.OrderHeld;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentMismatch;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns what happens to orders and payments into alerts, with the buttons that act on them. */
@Component
class OrderAlerts {

	private final Alerts alerts;
	private final Orders orders;

	OrderAlerts(Alerts alerts, Orders orders) {
		this.alerts = alerts;
		this.orders = orders;
	}

	@EventListener
	void on(PaymentMismatch mismatch) {
		alerts.raise(AlertType.PAYMENT_MISMATCH, "mismatch:" + mismatch.provider() + ":" + mismatch.transactionId(),
				List.of(mismatch.orderNo(), mismatch.provider(),
						mismatch.expected() == null ? "-" : mismatch.expected().display(),
						mismatch.received().display()),
				List.of());
	}

	@EventListener
	void on(OrderHeld held) {
		alerts.raise(AlertType.ORDER_HELD, null, List.of(held.orderNo(), held.customerId(), held.reason()),
				List.of(new AlertAction(Verb.APPROVE, held.orderNo()), new AlertAction(Verb.REJECT, held.orderNo()),
						new AlertAction(Verb.BAN, held.customerId())));
	}

	@EventListener
	void on(CodesUnreached unreached) {
		alerts.raise(AlertType.CODES_UNSENT, "unsent:" + unreached.orderNo(),
				List.of(unreached.orderNo(), unreached.customerId(), String.valueOf(unreached.tries())),
				List.of(new AlertAction(Verb.RESEND, unreached.orderNo()), new AlertAction(Verb.REFUND, unreached.orderNo())));
	}

	@EventListener
	void on(OrderBackordered waiting) {
		String sku = orders.find(waiting.orderNo()).map(o -> o.sku()).orElse("-");
		alerts.raise(AlertType.DELIVERY_FAILED, "backordered:" + waiting.orderNo(), List.of(waiting.orderNo(), sku),
				List.of(new AlertAction(Verb.REFUND, waiting.orderNo())));
	}
}
