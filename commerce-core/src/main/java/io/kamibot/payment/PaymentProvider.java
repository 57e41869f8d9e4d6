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
	 * Returns the money of one payment to the payer: the order's own payment, or one its order could not take.
	 * Called at most once per payment unless it failed; it must still be safe to repeat (key the refund by
	 * {@link RefundRequest#refundNo()} or by the payment). A provider that cannot refund keeps this default: money
	 * its orders cannot take is then held for an admin.
	 *
	 * @throws RefundFailed when the provider refused or could not be reached
	 */
	default void refund(RefundRequest refund) {
		throw new RefundFailed(refund.orderNo(), id() + " cannot refund");
	}

	/**
	 * Finishes a refund that was asked for but whose answer was lost (the process died while asking): finds out
	 * from the provider whether the money went back, and returns it when it did not. The default asks again, which
	 * {@link #refund} must allow.
	 *
	 * @throws RefundFailed when the provider refused it
	 * @throws RuntimeException when the provider could not be reached; the refund is looked at again later
	 */
	default void resumeRefund(RefundRequest refund) {
		refund(refund);
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
