package io.kamibot.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.kamibot.events.DomainEvents;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderTransitions;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.Refund.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Returns payments through their providers, each payment at most once: an order's own payment (the order becomes
 * REFUNDED) or money its order could not take (the order is unchanged). The request is recorded before the provider
 * is asked, so a refund whose process died while asking is found later and settled by asking the provider what
 * became of it.
 */
@Component
class Refunds {

	/** Who asks for the refunds nobody asked for: money an order could not take goes back at once. */
	static final String SYSTEM = "system";
	private static final Logger log = LoggerFactory.getLogger(Refunds.class);

	private final MongoTemplate mongo;
	private final List<PaymentProvider> providers;
	private final Orders orders;
	private final OrderTransitions transitions;
	private final DomainEvents events;
	private final Clock clock;

	Refunds(MongoTemplate mongo, List<PaymentProvider> providers, Orders orders, OrderTransitions transitions,
			DomainEvents events, Clock clock) {
		this.mongo = mongo;
		this.providers = List.copyOf(providers);
		this.orders = orders;
		this.transitions = transitions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Returns a payment because someone asked (an admin, a review); a refund that failed before is tried again.
	 *
	 * @param order the payment's order, or {@code null} when there is none
	 * @return {@link RefundOutcome#ALREADY_REFUNDED} when the payment was refunded, or is being refunded, already
	 * @throws RefundFailed when the provider did not return the money
	 */
	RefundOutcome refund(Payment payment, Order order, String requestedBy) {
		if (!claim(payment, requestedBy, true)) {
			return RefundOutcome.ALREADY_REFUNDED;
		}
		try {
			provider(payment).refund(request(payment, order));
		}
		catch (RuntimeException e) {
			setStatus(payment.id(), Status.REQUESTED, Status.FAILED);
			throw e instanceof RefundFailed failed ? failed : new RefundFailed(payment.orderNo(), e.getMessage());
		}
		finish(payment.id(), payment, order, requestedBy);
		return RefundOutcome.REFUNDED;
	}

	/**
	 * Returns money its order could not take, at once and once: a later call for the same payment (a repeated or
	 * concurrent notification) does nothing. When the provider does not return it, it is held for an admin.
	 *
	 * @param order the payment's order, or {@code null} when there is none
	 */
	void returnUnmatched(Payment payment, Order order) {
		if (!claim(payment, SYSTEM, false)) {
			return;
		}
		try {
			provider(payment).refund(request(payment, order));
		}
		catch (RuntimeException e) {
			hold(payment.id(), payment, order, e);
			return;
		}
		finish(payment.id(), payment, order, SYSTEM);
	}

	/**
	 * Settles refunds left REQUESTED for longer than {@code olderThan}: each is taken over by one caller (a
	 * conditional update, so two instances never both act) and its provider is asked what became of it. Done ones
	 * are finished as if the answer had come; refused ones fail (money an order could not take is then held for an
	 * admin); those the provider cannot answer about now are looked at again after another {@code olderThan}.
	 *
	 * @return how many refunds this call settled as done
	 */
	int resolveStuck(Duration olderThan, int limit) {
		Instant now = clock.instant();
		List<Refund> stuck = mongo.find(Query.query(where("status").is(Status.REQUESTED).and("requestedAt")
			.lte(now.minus(olderThan))).limit(limit), Refund.class);
		int resolved = 0;
		for (Refund refund : stuck) {
			if (!takeOver(refund, now)) {
				continue;
			}
			try {
				resolved += resume(refund) ? 1 : 0;
			}
			catch (RuntimeException e) {
				log.warn("Could not find out what became of the refund of payment {}: {}; asking again later",
						refund.paymentId(), e.getMessage());
			}
		}
		if (resolved > 0) {
			log.info("Settled {} refunds whose answer had been lost", resolved);
		}
		return resolved;
	}

	private boolean resume(Refund refund) {
		Payment payment = mongo.findById(refund.paymentId(), Payment.class);
		if (payment == null) {
			log.error("Refund {} names payment {}, which is not recorded", refund.id(), refund.paymentId());
			return false;
		}
		Order order = orders.find(payment.orderNo()).orElse(null);
		try {
			provider(payment).resumeRefund(request(payment, order));
		}
		catch (RefundFailed e) {
			if (ordersOwn(payment, order)) {
				setStatus(refund.id(), Status.REQUESTED, Status.FAILED);
				log.error("The refund of order {} failed after all ({}); it may be requested again", payment.orderNo(),
						e.getMessage());
			}
			else {
				hold(refund.id(), payment, order, e);
			}
			return false;
		}
		finish(refund.id(), payment, order, refund.requestedBy());
		return true;
	}

	/** Records the request, or takes over a failed one when allowed; {@code false} when another request owns it. */
	private boolean claim(Payment payment, String requestedBy, boolean takeOverFailed) {
		Instant now = clock.instant();
		try {
			mongo.insert(new Refund(payment.id(), payment.orderNo(), payment.provider(), payment.transactionId(),
					requestedBy, Status.REQUESTED, now, null));
			return true;
		}
		catch (DuplicateKeyException e) {
			return takeOverFailed && mongo.updateFirst(
					Query.query(where("_id").is(payment.id()).and("status").is(Status.FAILED)),
					Update.update("status", Status.REQUESTED).set("requestedBy", requestedBy).set("requestedAt", now),
					Refund.class).getModifiedCount() == 1;
		}
	}

	private boolean takeOver(Refund stuck, Instant now) {
		return mongo.updateFirst(Query.query(where("_id").is(stuck.id()).and("status").is(Status.REQUESTED)
			.and("requestedAt").is(stuck.requestedAt())), Update.update("requestedAt", now), Refund.class)
			.getModifiedCount() == 1;
	}

	/** The money went back: the order's own payment refunds the order; other money leaves the order as it is. */
	private void finish(String refundId, Payment payment, Order order, String requestedBy) {
		if (!setStatus(refundId, Status.REQUESTED, Status.DONE)) {
			return; // settled by whoever took it over meanwhile
		}
		if (ordersOwn(payment, order)) {
			transitions.markRefunded(order);
			events.publish(new RefundIssued(order.orderNo(), payment.provider(), requestedBy));
			log.info("Order {} refunded through {} at the request of {}", order.orderNo(), payment.provider(),
					requestedBy);
			return;
		}
		events.publish(new UnmatchedPaymentReturned(payment.ref(), payment.provider(), payment.orderNo(),
				order == null ? null : order.customerId(), payment.money(), payment.reason(), requestedBy));
		log.info("Payment {} ({}) for order {} returned through {} at the request of {}", payment.ref(),
				payment.reason(), payment.orderNo(), payment.provider(), requestedBy);
	}

	private void hold(String refundId, Payment payment, Order order, RuntimeException cause) {
		if (!setStatus(refundId, Status.REQUESTED, Status.FAILED)) {
			return;
		}
		log.warn("Payment {} ({}) for order {} was not returned by {} ({}): held for an admin", payment.ref(),
				payment.reason(), payment.orderNo(), payment.provider(), cause.getMessage());
		events.publish(new UnmatchedPaymentHeld(payment.ref(), payment.provider(), payment.orderNo(),
				order == null ? null : order.customerId(), payment.money(), payment.reason()));
	}

	private PaymentProvider provider(Payment payment) {
		return providers.stream()
			.filter(p -> p.id().equals(payment.provider()))
			.findFirst()
			.orElseThrow(() -> new RefundFailed(payment.orderNo(), "provider " + payment.provider()
					+ " is not configured"));
	}

	/** The refund number stays what it was for an order's own payment ({@code R<order>}), so retries match. */
	private static RefundRequest request(Payment payment, Order order) {
		String refundNo = order == null ? "R" + payment.ref()
				: ordersOwn(payment, order) ? "R" + order.orderNo() : "R" + order.orderNo() + "-" + payment.ref();
		return new RefundRequest(refundNo, payment.orderNo(), order == null ? null : order.customerId(),
				payment.transactionId(), payment.money());
	}

	private static boolean ordersOwn(Payment payment, Order order) {
		return order != null && payment.id().equals(order.payment());
	}

	private boolean setStatus(String refundId, Status from, Status to) {
		Update update = Update.update("status", to);
		if (to == Status.DONE) {
			update.set("doneAt", clock.instant());
		}
		return mongo.updateFirst(Query.query(where("_id").is(refundId).and("status").is(from)), update, Refund.class)
			.getModifiedCount() == 1;
	}
}
