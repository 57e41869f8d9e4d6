package io.kamibot.payment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.kamibot.money.Money;
import io.kamibot.ordering.Order;

/**
 * A payment provider for tests that records the refunds it is asked for. It can refuse refunds, and it can "die"
 * right after returning the money: the refund is made, but the caller never hears of it, as when the process is
 * killed at that moment.
 */
public class TillProvider implements PaymentProvider {

	public static final String ID = "till";

	private final List<RefundRequest> refunded = new CopyOnWriteArrayList<>();
	private final List<RefundRequest> resumed = new CopyOnWriteArrayList<>();
	private final AtomicBoolean refusing = new AtomicBoolean();
	private final AtomicBoolean dying = new AtomicBoolean();

	/** What a process death looks like to the code under test: nothing catches it. */
	public static class ProcessDied extends Error {

		ProcessDied() {
			super("the process died right after the provider returned the money");
		}
	}

	public PaymentConfirmation charge(Order order, String label) {
		return new PaymentConfirmation(ID, transaction(order, label), order.orderNo(), Money.fen(order.totalFen()));
	}

	public String transaction(Order order, String label) {
		return "till-" + order.orderNo() + "-" + label;
	}

	public void refuse(boolean refuse) {
		refusing.set(refuse);
	}

	/** The next refund is made, and then the asking process dies. */
	public void dieAfterNextRefund() {
		dying.set(true);
	}

	/** The refunds made for the order's payments, in order; a repeated refund of one payment counts once. */
	public List<RefundRequest> refunded(Order order) {
		return refunded.stream().filter(r -> r.orderNo().equals(order.orderNo())).toList();
	}

	/** How often the provider was asked what became of a refund of the order. */
	public long resumed(Order order) {
		return resumed.stream().filter(r -> r.orderNo().equals(order.orderNo())).count();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean offeredOn(String channel) {
		return "webchat".equals(channel);
	}

	@Override
	public PaymentInstructions start(Order order) {
		return new PaymentInstructions.ScanQr("till://" + order.orderNo());
	}

	@Override
	public void refund(RefundRequest refund) {
		if (refusing.get()) {
			throw new RefundFailed(refund.orderNo(), "the till refuses");
		}
		if (refunded.stream().noneMatch(r -> r.refundNo().equals(refund.refundNo()))) {
			refunded.add(refund);
		}
		if (dying.getAndSet(false)) {
			throw new ProcessDied();
		}
	}

	@Override
	public void resumeRefund(RefundRequest refund) {
		resumed.add(refund);
		refund(refund);
	}
}
