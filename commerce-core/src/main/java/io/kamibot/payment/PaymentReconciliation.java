package io.kamibot.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Finds what a lost answer left open by asking the provider: payments whose confirmation never arrived (a lost
 * WeChat Pay notification), recorded through {@link Payments#confirm} as if it had come; and refunds whose process
 * died while asking for them.
 */
@Service
public class PaymentReconciliation {

	private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

	private final Payments payments;
	private final List<PaymentProvider> providers;
	private final Orders orders;
	private final PaymentStarts starts;
	private final Refunds refunds;
	private final Clock clock;

	PaymentReconciliation(Payments payments, List<PaymentProvider> providers, Orders orders, PaymentStarts starts,
			Refunds refunds, Clock clock) {
		this.payments = payments;
		this.providers = List.copyOf(providers);
		this.orders = orders;
		this.starts = starts;
		this.refunds = refunds;
		this.clock = clock;
	}

	/**
	 * Asks providers about payments started more than {@code olderThan} ago that no confirmation has settled yet,
	 * and confirms those the provider reports paid: a lost notification loses no order. An order stops being asked
	 * about once it is paid or otherwise moved on, or once the provider still says unpaid {@code olderThan} after
	 * its time to pay ended. Safe to run on several instances at once ({@link Payments#confirm} is idempotent).
	 *
	 * @param limit how many started payments to look at in this call
	 * @return how many orders this call found paid and marked paid
	 */
	public int reconcile(Duration olderThan, int limit) {
		Instant now = clock.instant();
		int paid = 0;
		for (PaymentStart start : starts.due(now.minus(olderThan), limit)) {
			try {
				paid += reconcile(start, olderThan, now) ? 1 : 0;
			}
			catch (RuntimeException e) {
				// One provider or order failing must not hold up the others; it is asked again next time.
				log.warn("Could not reconcile order {} with {}: {}", start.orderNo(), start.provider(), e.getMessage());
				starts.checked(start, now);
			}
		}
		if (paid > 0) {
			log.info("Reconciliation found {} paid orders whose confirmation had not arrived", paid);
		}
		return paid;
	}

	/**
	 * Settles refunds still REQUESTED {@code olderThan} after they were asked for, whose process most likely died
	 * after asking: each is taken over by one instance and its provider asked what became of it (WeChat Pay: the
	 * refund query; Telegram Stars: the refund again, which says when the charge was refunded already). Done ones
	 * finish as if the answer had come (the order is marked REFUNDED, the buyer told); a refused one fails and, if
	 * it was money its order could not take, waits for an admin.
	 *
	 * @param limit how many refunds to look at in this call
	 * @return how many refunds this call settled as done
	 */
	public int resolveStuckRefunds(Duration olderThan, int limit) {
		return refunds.resolveStuck(olderThan, limit);
	}

	private boolean reconcile(PaymentStart start, Duration olderThan, Instant now) {
		Optional<Order> order = orders.find(start.orderNo());
		if (order.isEmpty() || !mayStillBePaid(order.get().status())) {
			starts.settle(start, now);
			return false;
		}
		Optional<PaymentProvider> provider = providers.stream().filter(p -> p.id().equals(start.provider())).findFirst();
		if (provider.isEmpty()) {
			starts.checked(start, now);
			return false;
		}
		Optional<PaymentConfirmation> confirmation = provider.get().lookup(order.get());
		if (confirmation.isPresent()) {
			PaymentOutcome outcome = payments.confirm(confirmation.get());
			starts.settle(start, now);
			return outcome == PaymentOutcome.ACCEPTED;
		}
		if (now.isBefore(order.get().payBefore().plus(olderThan))) {
			starts.checked(start, now);
		}
		else {
			starts.settle(start, now);
		}
		return false;
	}

	/**
	 * The statuses money may still arrive in: those that take payment, and a cancelled order whose payment page the
	 * buyer still had open (that money is confirmed, then returned).
	 */
	private static boolean mayStillBePaid(OrderStatus status) {
		return status.takesPayment() || status == OrderStatus.CANCELLED;
	}
}
