package io.kamibot.payment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.kamibot.ordering.IllegalOrderTransition;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderNotFound;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.money.Money;
import io.kamibot.payment.PaymentInstructions.Completed;
import io.kamibot.payment.PaymentInstructions.ConfirmNow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Starts payments with a provider and records confirmations, checking each against its order before the order
 * counts as paid.
 */
@Service
public class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	private final List<PaymentProvider> providers;
	private final Orders orders;
	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final PaymentStarts starts;

	Payments(List<PaymentProvider> providers, Orders orders, MongoTemplate mongo, ApplicationEventPublisher events,
			Clock clock, PaymentStarts starts) {
		this.providers = List.copyOf(providers);
		this.orders = orders;
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
		this.starts = starts;
	}

	/** Ids of the ways to pay offered on a channel, in a stable order. */
	public List<String> methodsFor(String channel) {
		return providers.stream().filter(p -> p.offeredOn(channel)).map(PaymentProvider::id).sorted().toList();
	}

	/** Ids of the ways this order can be paid on the channel, in a stable order. */
	public List<String> methodsFor(String channel, Order order) {
		return providers.stream()
			.filter(p -> p.offeredOn(channel) && p.accepts(order))
			.map(PaymentProvider::id)
			.sorted()
			.toList();
	}

	/**
	 * Starts paying for the customer's order.
	 *
	 * @throws UnknownPaymentMethod when the provider is not offered on the channel
	 * @throws NotPayable when the order no longer awaits payment
	 */
	public PaymentInstructions start(String orderNo, String customerId, String providerId, String channel) {
		PaymentProvider provider = providers.stream()
			.filter(p -> p.id().equals(providerId) && p.offeredOn(channel))
			.findFirst()
			.orElseThrow(() -> new UnknownPaymentMethod(providerId, channel));
		Order order = orders.get(orderNo, customerId);
		if (!order.status().payable()) {
			throw new NotPayable(orderNo, order.status());
		}
		if (!provider.accepts(order)) {
			throw new UnknownPaymentMethod(providerId, channel);
		}
		PaymentInstructions instructions = provider.start(order);
		if (instructions instanceof ConfirmNow now) {
			return new Completed(confirm(now.confirmation()));
		}
		// Recorded once the provider has the order: before that, the buyer had nothing to pay with.
		starts.record(orderNo, provider.id(), clock.instant());
		return instructions;
	}

	/**
	 * Whether a payment of {@code amount} for the order may go ahead now (Telegram asks before it charges).
	 *
	 * @return empty when it may, else why not
	 */
	public Optional<Refusal> precheck(String orderNo, Money amount) {
		Optional<Order> order = orders.find(orderNo);
		if (order.isEmpty()) {
			return Optional.of(Refusal.UNKNOWN_ORDER);
		}
		if (!order.get().status().payable() || !clock.instant().isBefore(order.get().payBefore())) {
			return Optional.of(Refusal.NOT_PAYABLE);
		}
		if (!order.get().amountIn(amount.currency()).filter(amount::equals).isPresent()) {
			return Optional.of(Refusal.AMOUNT_MISMATCH);
		}
		return Optional.empty();
	}

	/** Why a payment may not go ahead. */
	public enum Refusal {

		/** No such order. */
		UNKNOWN_ORDER,

		/** The order expired, was cancelled or is already paid. */
		NOT_PAYABLE,

		/** The amount or currency is not what the order costs. */
		AMOUNT_MISMATCH
	}

	/**
	 * Records a provider's confirmation. Idempotent per provider transaction and safe under concurrent duplicates:
	 * exactly one call returns {@link PaymentOutcome#ACCEPTED} and marks the order paid.
	 */
	public PaymentOutcome confirm(PaymentConfirmation confirmation) {
		Optional<Order> order = orders.find(confirmation.orderNo());
		Optional<Money> expected = order.flatMap(o -> o.amountIn(confirmation.amount().currency()));
		boolean matches = expected.filter(confirmation.amount()::equals).isPresent();
		PaymentOutcome outcome = matches ? PaymentOutcome.ACCEPTED : PaymentOutcome.MISMATCH;
		String id = confirmation.provider() + ":" + confirmation.transactionId();
		try {
			mongo.insert(new Payment(id, confirmation.provider(), confirmation.transactionId(),
					confirmation.orderNo(), confirmation.amount().minor(), confirmation.amount().currency(), outcome,
					clock.instant()));
		}
		catch (DuplicateKeyException e) {
			Payment recorded = mongo.findById(id, Payment.class);
			if (recorded != null && recorded.outcome() == PaymentOutcome.ACCEPTED) {
				// A crash may have come between recording and marking the order: finishing is idempotent.
				order.ifPresent(o -> orders.markPaid(o, id));
			}
			return PaymentOutcome.DUPLICATE;
		}
		if (!matches) {
			log.warn("Payment {} does not match order {}: expected {}, received {}", id, confirmation.orderNo(),
					expected.orElse(null), confirmation.amount());
			order.ifPresent(o -> holdQuietly(o, "payment " + id + " does not match the order"));
			events.publishEvent(new PaymentMismatch(confirmation.provider(), confirmation.transactionId(),
					confirmation.orderNo(), expected.orElse(null), confirmation.amount()));
			return PaymentOutcome.MISMATCH;
		}
		orders.markPaid(order.get(), id);
		return PaymentOutcome.ACCEPTED;
	}

	/**
	 * Returns an order's payment through its provider and marks the order REFUNDED. Once per order: a second
	 * request, also a concurrent one, changes nothing and says so. A refund the provider refused may be requested
	 * again.
	 *
	 * @param requestedBy who asked, for the record
	 * @throws NotRefundable when the order was never paid
	 * @throws RefundFailed when the provider did not return the money
	 */
	public RefundOutcome refund(String orderNo, String requestedBy) {
		Order order = orders.find(orderNo).orElseThrow(() -> new OrderNotFound(orderNo));
		if (order.status() == OrderStatus.REFUNDED) {
			return RefundOutcome.ALREADY_REFUNDED;
		}
		Payment payment = order.payment() == null ? null : mongo.findById(order.payment(), Payment.class);
		if (payment == null || payment.outcome() != PaymentOutcome.ACCEPTED) {
			throw new NotRefundable(orderNo);
		}
		if (!claimRefund(payment, requestedBy)) {
			return RefundOutcome.ALREADY_REFUNDED;
		}
		PaymentProvider provider = providers.stream()
			.filter(p -> p.id().equals(payment.provider()))
			.findFirst()
			.orElseThrow(() -> new RefundFailed(orderNo, "provider " + payment.provider() + " is not configured"));
		try {
			provider.refund(order, payment.transactionId());
		}
		catch (RuntimeException e) {
			setRefundStatus(orderNo, "REQUESTED", "FAILED");
			throw e instanceof RefundFailed failed ? failed : new RefundFailed(orderNo, e.getMessage());
		}
		setRefundStatus(orderNo, "REQUESTED", "DONE");
		orders.markRefunded(order);
		events.publishEvent(new RefundIssued(orderNo, payment.provider(), requestedBy));
		log.info("Order {} refunded through {} at the request of {}", orderNo, payment.provider(), requestedBy);
		return RefundOutcome.REFUNDED;
	}

	/** Records the refund request, or takes over a failed one; {@code false} when another request owns it. */
	private boolean claimRefund(Payment payment, String requestedBy) {
		try {
			mongo.insert(new Refund(payment.orderNo(), payment.provider(), payment.transactionId(), requestedBy,
					"REQUESTED", clock.instant(), null));
			return true;
		}
		catch (DuplicateKeyException e) {
			return setRefundStatus(payment.orderNo(), "FAILED", "REQUESTED");
		}
	}

	private boolean setRefundStatus(String orderNo, String from, String to) {
		Update update = Update.update("status", to);
		if ("DONE".equals(to)) {
			update.set("doneAt", clock.instant());
		}
		return mongo.updateFirst(Query.query(where("_id").is(orderNo).and("status").is(from)), update, Refund.class)
			.getModifiedCount() == 1;
	}

	private void holdQuietly(Order order, String reason) {
		try {
			orders.hold(order, reason);
		}
		catch (IllegalOrderTransition e) {
			// Already delivered or refunded: the admin alert about the mismatch is what matters now.
			log.warn("Could not hold order {}: {}", order.orderNo(), e.getMessage());
		}
	}
}
