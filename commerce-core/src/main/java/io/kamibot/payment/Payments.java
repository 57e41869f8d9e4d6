package io.kamibot.payment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderNotFound;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.money.Money;
import io.kamibot.payment.PaymentInstructions.Completed;
import io.kamibot.payment.PaymentInstructions.ConfirmNow;
import io.kamibot.stock.CodesRedeemed;
import io.kamibot.stock.Vouchers;
import org.springframework.stereotype.Service;

/**
 * Starts payments with a provider, records confirmations (checking each against its order before the order counts
 * as paid, and returning the money of those the order cannot take) and refunds payments.
 */
@Service
public class Payments {

	private final List<PaymentProvider> providers;
	private final Orders orders;
	private final Clock clock;
	private final PaymentStarts starts;
	private final Confirmations confirmations;
	private final Refunds refunds;
	private final Vouchers vouchers;

	Payments(List<PaymentProvider> providers, Orders orders, Clock clock, PaymentStarts starts,
			Confirmations confirmations, Refunds refunds, Vouchers vouchers) {
		this.providers = List.copyOf(providers);
		this.orders = orders;
		this.clock = clock;
		this.starts = starts;
		this.confirmations = confirmations;
		this.refunds = refunds;
		this.vouchers = vouchers;
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
	 * Records a provider's confirmation and settles it. Idempotent per provider transaction and safe under
	 * concurrent duplicates: exactly one call returns {@link PaymentOutcome#ACCEPTED} and marks the order paid. A
	 * payment the order cannot take (another payment paid it, it was cancelled or refunded, the amount is wrong) is
	 * never only recorded: its money goes back through the provider, or waits for an admin's refund with an alert
	 * when the provider would not return it; the order stays as it is.
	 */
	public PaymentOutcome confirm(PaymentConfirmation confirmation) {
		return confirmations.confirm(confirmation);
	}

	/**
	 * Returns an order's payment through its provider and marks the order REFUNDED. Once per order: a second
	 * request, also a concurrent one, changes nothing and says so. A refund the provider refused may be requested
	 * again.
	 *
	 * @param requestedBy who asked, for the record
	 * @throws NotRefundable when the order was never paid
	 * @throws CodesRedeemed when own vouchers of the order were redeemed; nothing changes
	 * @throws RefundFailed when the provider did not return the money
	 */
	public RefundOutcome refund(String orderNo, String requestedBy) {
		return refund(orderNo, requestedBy, false);
	}

	/**
	 * Refunds like {@link #refund(String, String)}; its own vouchers are taken back first, so none can be redeemed
	 * once the money is on its way back.
	 *
	 * @param redeemedToo refund even when some of its own vouchers were redeemed: an admin's override, which the
	 *     caller records in the audit log
	 */
	public RefundOutcome refund(String orderNo, String requestedBy, boolean redeemedToo) {
		Order order = orders.find(orderNo).orElseThrow(() -> new OrderNotFound(orderNo));
		if (order.status() == OrderStatus.REFUNDED) {
			return RefundOutcome.ALREADY_REFUNDED;
		}
		Payment payment = confirmations.paymentOf(order).orElseThrow(() -> new NotRefundable(orderNo));
		vouchers.withdrawForRefund(orderNo, redeemedToo);
		try {
			return refunds.refund(payment, order, requestedBy);
		}
		catch (RuntimeException e) {
			vouchers.restore(orderNo);
			throw e;
		}
	}

	/**
	 * Returns one payment, named by its reference ({@code P…}, as alerts show it): money its order could not take,
	 * which leaves the order as it is; or the order's own payment, which refunds the order like {@link #refund}.
	 * Once per payment; a refund the provider refused may be requested again.
	 *
	 * @param requestedBy who asked, for the record
	 * @throws PaymentNotFound when no payment has this reference, or it is one whose confirmation is unsettled
	 * @throws RefundFailed when the provider did not return the money
	 */
	public RefundOutcome refundPayment(String ref, String requestedBy) {
		Payment payment = Optional.ofNullable(ref)
			.filter(Payment::looksLikeRef)
			.flatMap(confirmations::byRef)
			.orElseThrow(() -> new PaymentNotFound(ref));
		Optional<Order> order = orders.find(payment.orderNo());
		if (order.isPresent() && payment.id().equals(order.get().payment())) {
			return refund(order.get().orderNo(), requestedBy);
		}
		if (payment.outcome() != PaymentOutcome.UNMATCHED && payment.outcome() != PaymentOutcome.MISMATCH) {
			throw new PaymentNotFound(ref);
		}
		return refunds.refund(payment, order.orElse(null), requestedBy);
	}
}
