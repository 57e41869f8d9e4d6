package io.kamibot.payment;

import java.util.Optional;

import io.kamibot.ordering.Order;

/**
 * A way to pay (sandbox, Telegram Stars, WeChat Pay …). Implementations are Spring beans; a provider that is not
 * configured is simply not a bean.
 */
public interface PaymentProvider {

	/** Short stable id, used in records and in button data: {@code [a-z]{1,12}}. */
	String id();

	/** Whether buyers on this channel may be offered this way to pay (platform rules differ). */
	boolean offeredOn(String channel);

	/** Whether this order can be paid this way (a product without a Stars price cannot be paid in Stars). */
	default boolean accepts(Order order) {
		return true;
	}

	/** Starts paying for an order that awaits payment: what the buyer must do next. */
	PaymentInstructions start(Order order);

	/**
	 * Returns the money of a payment to the payer. Called at most once per order unless it failed; it should
	 * still be safe to repeat (providers key refunds by the payment).
	 *
	 * @throws RefundFailed when the provider refused or could not be reached
	 */
	default void refund(Order order, String transactionId) {
		throw new RefundFailed(order.orderNo(), id() + " cannot refund");
	}

	/**
	 * Asks the provider whether the order was paid, for when its notification was lost. Asked by
	 * {@link Payments#reconcile} only for orders started with this provider.
	 *
	 * @return the payment when the provider reports the order paid; empty when it reports it unpaid (or cannot be
	 *     asked at all)
	 * @throws RuntimeException when the provider could not be reached; the order is asked again later
	 */
	default Optional<PaymentConfirmation> lookup(Order order) {
		return Optional.empty();
	}
}
