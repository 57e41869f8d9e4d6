package io.kamibot.risk;

import java.time.Clock;

import io.kamibot.audit.AuditLog;
import io.kamibot.events.DomainEvents;
import io.kamibot.ordering.NotApprovable;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderNotFound;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.OrderTransitions;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.Payments;
import io.kamibot.stock.Stock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Admins' decisions about held orders: approve (the order is paid and delivered) or reject (the payment is
 * refunded, or an order without an accepted payment is cancelled; its codes go back on sale). Each held order is
 * decided once: the decision is stored under the order number before it is carried out, so two admins pressing
 * different buttons at the same moment cannot both act.
 */
@Service
public class Reviews {

	private final Orders orders;
	private final OrderTransitions transitions;
	private final Payments payments;
	private final Stock stock;
	private final MongoTemplate mongo;
	private final AuditLog audit;
	private final DomainEvents events;
	private final Clock clock;

	Reviews(Orders orders, OrderTransitions transitions, Payments payments, Stock stock, MongoTemplate mongo,
			AuditLog audit, DomainEvents events, Clock clock) {
		this.orders = orders;
		this.transitions = transitions;
		this.payments = payments;
		this.stock = stock;
		this.mongo = mongo;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Releases a held order for delivery.
	 *
	 * @param by the admin, for the record
	 * @throws OrderNotFound when there is no such order
	 * @throws NotApprovable when it holds no accepted payment
	 */
	public Outcome approve(String orderNo, String by) {
		Order order = held(orderNo);
		if (order == null) {
			return Outcome.NOT_HELD;
		}
		if (order.payment() == null) {
			throw new NotApprovable(orderNo);
		}
		if (!decide(orderNo, Outcome.APPROVED, by)) {
			return Outcome.NOT_HELD;
		}
		// The buyer hears of the approval before the codes that follow it.
		decided(order, Outcome.APPROVED, by);
		transitions.approve(order);
		return Outcome.APPROVED;
	}

	/**
	 * Turns a held order down: refunds its payment, or cancels it when it has none to refund.
	 *
	 * @param by the admin, for the record
	 */
	public Outcome reject(String orderNo, String by) {
		Order order = held(orderNo);
		if (order == null || !decide(orderNo, order.payment() != null ? Outcome.REFUNDED : Outcome.CANCELLED, by)) {
			return Outcome.NOT_HELD;
		}
		if (order.payment() != null) {
			try {
				payments.refund(orderNo, by);
			}
			catch (RuntimeException e) {
				// The provider did not return the money: the order stays held and may be rejected again.
				mongo.remove(Query.query(where("_id").is(orderNo)), ReviewDecision.class);
				throw e;
			}
			stock.release(orderNo);
			return decided(order, Outcome.REFUNDED, by);
		}
		transitions.cancelHeld(order);
		return decided(order, Outcome.CANCELLED, by);
	}

	private Order held(String orderNo) {
		Order order = orders.find(orderNo).orElseThrow(() -> new OrderNotFound(orderNo));
		return order.status() == OrderStatus.UNDER_REVIEW ? order : null;
	}

	private boolean decide(String orderNo, Outcome outcome, String by) {
		try {
			mongo.insert(new ReviewDecision(orderNo, outcome, by, clock.instant()));
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	private Outcome decided(Order order, Outcome outcome, String by) {
		audit.record(by, "order." + outcome.name().toLowerCase(java.util.Locale.ROOT), order.orderNo(), order.holdReason());
		events.publish(new ReviewDecided(order.orderNo(), order.customerId(), outcome));
		return outcome;
	}

	/** What became of a held order. */
	public enum Outcome {

		/** Released for delivery. */
		APPROVED,

		/** Its payment went back to the buyer. */
		REFUNDED,

		/** It had no payment to return and was cancelled. */
		CANCELLED,

		/** It was not (or no longer) held: nothing was done. */
		NOT_HELD
	}
}
