package io.kamibot.alerts;

import java.util.List;
import java.util.Optional;

import io.kamibot.alerts.AlertAction.Verb;
import io.kamibot.delivery.CodesUnreached;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderEvents.OrderBackordered;
import io.kamibot.ordering.OrderEvents.OrderHeld;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentMismatch;
import io.kamibot.payment.UnmatchedPaymentHeld;
import io.kamibot.payment.UnmatchedPaymentReturned;
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

	/** Money an order could not take and its provider did not return: an admin refunds it with the button. */
	@EventListener
	void on(UnmatchedPaymentHeld held) {
		alerts.raise(AlertType.PAYMENT_UNMATCHED, "unmatched:" + held.ref(), List.of(held.orderNo(),
				held.provider(), held.amount().display(), held.reason().name(), held.ref(), "false"),
				List.of(new AlertAction(Verb.REFUND_PAYMENT, held.ref())));
	}

	/** Returned at once, or by an admin after the alert above (whose key keeps this from being a second alert). */
	@EventListener
	void on(UnmatchedPaymentReturned returned) {
		alerts.raise(AlertType.PAYMENT_UNMATCHED, "unmatched:" + returned.ref(), List.of(returned.orderNo(),
				returned.provider(), returned.amount().display(), returned.reason().name(), returned.ref(), "true"),
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
		Optional<Order> order = orders.find(waiting.orderNo());
		if (order.map(Order::issuedByPlan).orElse(false)) {
			return; // A plan's issues are alerted once per plan and period with the shortfall, by the plan.
		}
		String sku = order.map(Order::sku).orElse("-");
		alerts.raise(AlertType.DELIVERY_FAILED, "backordered:" + waiting.orderNo(), List.of(waiting.orderNo(), sku),
				List.of(new AlertAction(Verb.REFUND, waiting.orderNo())));
	}
}
