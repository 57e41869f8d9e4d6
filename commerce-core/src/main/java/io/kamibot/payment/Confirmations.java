package io.kamibot.payment;

import java.time.Clock;
import java.util.Optional;

import io.kamibot.events.DomainEvents;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderTransitions;
import io.kamibot.ordering.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Records providers' confirmations and settles each one: it pays its order, or, when the order cannot take it (a
 * second charge, a cancelled or refunded order, a wrong amount), the money goes back through {@link Refunds}.
 * No confirmed payment is ever only recorded.
 */
@Component
class Confirmations {

	private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

	private final MongoTemplate mongo;
	private final Orders orders;
	private final OrderTransitions transitions;
	private final Refunds refunds;
	private final DomainEvents events;
	private final Clock clock;

	Confirmations(MongoTemplate mongo, Orders orders, OrderTransitions transitions, Refunds refunds,
			DomainEvents events, Clock clock) {
		this.mongo = mongo;
		this.orders = orders;
		this.transitions = transitions;
		this.refunds = refunds;
		this.events = events;
		this.clock = clock;
	}

	/** See {@link Payments#confirm}. */
	PaymentOutcome confirm(PaymentConfirmation confirmation) {
		Optional<Order> order = orders.find(confirmation.orderNo());
		Optional<Money> expected = order.flatMap(o -> o.amountIn(confirmation.amount().currency()));
		boolean matches = expected.filter(confirmation.amount()::equals).isPresent();
		UnmatchedReason reason = matches ? null
				: order.isPresent() ? UnmatchedReason.WRONG_AMOUNT : UnmatchedReason.UNKNOWN_ORDER;
		Payment payment = Payment.of(confirmation, matches ? PaymentOutcome.ACCEPTED : PaymentOutcome.MISMATCH,
				reason, clock.instant());
		try {
			mongo.insert(payment);
		}
		catch (DuplicateKeyException e) {
			Payment recorded = mongo.findById(payment.id(), Payment.class);
			if (recorded != null) {
				// A crash may have come between recording and settling: settling again is idempotent.
				settle(recorded, order.orElse(null));
			}
			return PaymentOutcome.DUPLICATE;
		}
		if (!matches) {
			mismatch(payment, order, expected);
			return PaymentOutcome.MISMATCH;
		}
		return apply(payment, order.get());
	}

	/** The accepted payment that paid the order, if any. */
	Optional<Payment> paymentOf(Order order) {
		return Optional.ofNullable(order.payment())
			.map(id -> mongo.findById(id, Payment.class))
			.filter(p -> p.outcome() == PaymentOutcome.ACCEPTED);
	}

	Optional<Payment> byRef(String ref) {
		return Optional.ofNullable(mongo.findOne(Query.query(where("ref").is(ref)), Payment.class));
	}

	private void settle(Payment recorded, Order order) {
		switch (recorded.outcome()) {
			case ACCEPTED -> {
				if (order != null) {
					apply(recorded, order);
				}
			}
			case MISMATCH, UNMATCHED -> refunds.returnUnmatched(recorded, order);
			case DUPLICATE -> {
			}
		}
	}

	/**
	 * Pays the order with the payment; when the order no longer takes payment (another payment got there first,
	 * also a concurrent one; it was cancelled or refunded) the payment is unmatched and its money goes back.
	 */
	private PaymentOutcome apply(Payment payment, Order order) {
		if (transitions.markPaid(order, payment.id())) {
			return PaymentOutcome.ACCEPTED;
		}
		Order now = orders.find(order.orderNo()).orElse(order);
		if (payment.id().equals(now.payment())) {
			return PaymentOutcome.ACCEPTED; // this payment paid it: a concurrent duplicate, or an earlier attempt
		}
		UnmatchedReason reason = UnmatchedReason.of(now);
		mongo.updateFirst(Query.query(where("_id").is(payment.id()).and("outcome").is(PaymentOutcome.ACCEPTED)),
				Update.update("outcome", PaymentOutcome.UNMATCHED).set("reason", reason), Payment.class);
		log.warn("Payment {} ({}) arrived for order {}, which is {} with payment {}: returning it", payment.id(),
				payment.ref(), now.orderNo(), now.status(), now.payment());
		refunds.returnUnmatched(payment.unmatched(reason), now);
		return PaymentOutcome.UNMATCHED;
	}

	/**
	 * Nothing is delivered. An order that awaited this payment is held for an admin, as before; the money goes back
	 * like any money an order cannot take.
	 */
	private void mismatch(Payment payment, Optional<Order> order, Optional<Money> expected) {
		log.warn("Payment {} does not match order {}: expected {}, received {}", payment.id(), payment.orderNo(),
				expected.orElse(null), payment.money());
		order.filter(o -> o.status().takesPayment())
			.ifPresent(o -> holdQuietly(o, "payment " + payment.id() + " does not match the order"));
		events.publish(new PaymentMismatch(payment.provider(), payment.transactionId(), payment.orderNo(),
				expected.orElse(null), payment.money()));
		refunds.returnUnmatched(payment, order.orElse(null));
	}

	private void holdQuietly(Order order, String reason) {
		if (!transitions.hold(order, reason)) {
			// Moved on meanwhile: the alert about the mismatch and the returned money are what matter now.
			log.warn("Did not hold order {}: it is no longer one a hold applies to", order.orderNo());
		}
	}
}
