package io.kamibot.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertAction;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderEvents.OrderRefunded;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every confirmed payment is accounted for: money an order cannot take (a second charge, a cancelled or refunded
 * order, a wrong amount) goes back through its provider on its own, or waits for an admin's Refund button when the
 * provider will not return it; the order is never refunded or changed by it, and a repeated notification does all
 * of this once.
 */
@CoreTest
@RecordApplicationEvents
// Imported, not scanned: test classes of this module are on other modules' test classpath.
@Import(TillProvider.class) // the same configuration as StuckRefundTest: the two share one application
class UnmatchedPaymentTest {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	Alerts alerts;

	@Autowired
	AuditLog audit;

	@Autowired
	TillProvider till;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void acceptRefunds() {
		till.refuse(false);
	}

	@Test
	void returnsASecondChargeForADeliveredOrderOnItsOwnAndLeavesTheOrderDelivered() {
		Order order = order(2);
		assertThat(payments.confirm(till.charge(order, "A"))).isEqualTo(PaymentOutcome.ACCEPTED);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);

		assertThat(payments.confirm(till.charge(order, "B"))).isEqualTo(PaymentOutcome.UNMATCHED);

		assertThat(till.refunded(order)).singleElement().satisfies(refund -> {
			assertThat(refund.transactionId()).isEqualTo(till.transaction(order, "B"));
			assertThat(refund.amount()).isEqualTo(Money.fen(order.totalFen()));
			assertThat(refund.customerId()).isEqualTo(order.customerId());
		});
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		Order after = orders.find(order.orderNo()).orElseThrow();
		assertThat(after.payment()).isEqualTo(TillProvider.ID + ":" + till.transaction(order, "A"));
		assertThat(stock.levels(order.productSku()).sold()).isEqualTo(1);
		assertThat(returned(order)).singleElement().satisfies(returned -> {
			assertThat(returned.reason()).isEqualTo(UnmatchedReason.ALREADY_PAID);
			assertThat(returned.requestedBy()).isEqualTo("system");
		});
		assertThat(unmatchedAlerts(order)).singleElement().satisfies(alert -> {
			assertThat(alert.args()).containsExactly(order.orderNo(), TillProvider.ID, "¥7.50", "ALREADY_PAID",
					returned(order).get(0).ref(), "true");
			assertThat(alert.actions()).isEmpty();
		});
		assertThat(audit.read("payment.refund", order.orderNo(), null, 10)).singleElement()
			.satisfies(entry -> assertThat(entry.actor()).isEqualTo("system"));
		assertThat(events.stream(OrderRefunded.class)).isEmpty();

		assertThat(payments.refund(order.orderNo(), "telegram:1")).as("the order's own payment, A")
			.isEqualTo(RefundOutcome.REFUNDED);
		assertThat(till.refunded(order)).extracting(RefundRequest::transactionId)
			.containsExactly(till.transaction(order, "B"), till.transaction(order, "A"));
		assertThat(status(order)).isEqualTo(OrderStatus.REFUNDED);
	}

	@Test
	void theSameSecondChargeNotifiedManyTimesAtOnceIsReturnedOnceWithOneAlertAndOneNotice() throws Exception {
		Order order = order(1);
		payments.confirm(till.charge(order, "A"));
		PaymentConfirmation second = till.charge(order, "B");
		List<PaymentOutcome> outcomes = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<PaymentOutcome>> notifications = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				notifications.add(() -> payments.confirm(second));
			}
			for (Future<PaymentOutcome> outcome : pool.invokeAll(notifications, 1, TimeUnit.MINUTES)) {
				outcomes.add(outcome.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(payments.confirm(second)).as("and once more, later").isEqualTo(PaymentOutcome.DUPLICATE);

		assertThat(outcomes).containsOnlyOnce(PaymentOutcome.UNMATCHED);
		assertThat(outcomes).filteredOn(PaymentOutcome.DUPLICATE::equals).hasSize(7);
		assertThat(till.refunded(order)).hasSize(1);
		assertThat(unmatchedAlerts(order)).hasSize(1);
		// One event told everyone (the buyer, the audit log): the audit log shows how many there were.
		assertThat(audit.read("payment.refund", order.orderNo(), null, 10)).hasSize(1);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
	}

	@Test
	void twoDifferentChargesAtOnceForAnUnpaidOrderPayItOnceAndReturnTheOther() throws Exception {
		Order order = order(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<PaymentOutcome> outcomes = new ArrayList<>();
		try {
			List<Callable<PaymentOutcome>> charges = List.of(() -> payments.confirm(till.charge(order, "A")),
					() -> payments.confirm(till.charge(order, "B")));
			for (Future<PaymentOutcome> outcome : pool.invokeAll(charges, 1, TimeUnit.MINUTES)) {
				outcomes.add(outcome.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(outcomes).containsExactlyInAnyOrder(PaymentOutcome.ACCEPTED, PaymentOutcome.UNMATCHED);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(stock.levels(order.productSku()).sold()).isEqualTo(1);
		assertThat(till.refunded(order)).singleElement()
			.satisfies(refund -> assertThat(TillProvider.ID + ":" + refund.transactionId())
				.isNotEqualTo(orders.find(order.orderNo()).orElseThrow().payment()));
	}

	@Test
	void returnsAPaymentForACancelledOrderAndDeliversNothing() {
		Order order = order(1);
		orders.cancel(order.orderNo(), order.customerId());

		assertThat(payments.confirm(till.charge(order, "A"))).isEqualTo(PaymentOutcome.UNMATCHED);

		assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
		assertThat(stock.levels(order.productSku()).sold()).isZero();
		assertThat(till.refunded(order)).hasSize(1);
		assertThat(returned(order)).singleElement()
			.satisfies(returned -> assertThat(returned.reason()).isEqualTo(UnmatchedReason.ORDER_CANCELLED));
	}

	@Test
	void returnsAPaymentForAnOrderRefundedBefore() {
		Order order = order(1);
		payments.confirm(till.charge(order, "A"));
		payments.refund(order.orderNo(), "telegram:1");

		assertThat(payments.confirm(till.charge(order, "B"))).isEqualTo(PaymentOutcome.UNMATCHED);

		assertThat(status(order)).isEqualTo(OrderStatus.REFUNDED);
		assertThat(till.refunded(order)).extracting(RefundRequest::transactionId)
			.containsExactly(till.transaction(order, "A"), till.transaction(order, "B"));
		assertThat(returned(order)).singleElement()
			.satisfies(returned -> assertThat(returned.reason()).isEqualTo(UnmatchedReason.ORDER_REFUNDED));
	}

	@Test
	void returnsTheMoneyOfAWrongAmountWhileTheOrderIsStillHeldForReview() {
		Order order = order(1);

		assertThat(payments.confirm(new PaymentConfirmation(TillProvider.ID, till.transaction(order, "short"),
				order.orderNo(), Money.fen(order.totalFen() - 1)))).isEqualTo(PaymentOutcome.MISMATCH);

		assertThat(status(order)).isEqualTo(OrderStatus.UNDER_REVIEW);
		assertThat(stock.levels(order.productSku()).sold()).isZero();
		assertThat(till.refunded(order)).singleElement()
			.satisfies(refund -> assertThat(refund.amount()).isEqualTo(Money.fen(order.totalFen() - 1)));
		assertThat(returned(order)).singleElement()
			.satisfies(returned -> assertThat(returned.reason()).isEqualTo(UnmatchedReason.WRONG_AMOUNT));
		assertThat(alerts.recent(100)).anyMatch(a -> a.type() == AlertType.PAYMENT_MISMATCH
				&& a.arg(0).equals(order.orderNo()));
		assertThat(unmatchedAlerts(order)).hasSize(1);
	}

	@Test
	void holdsMoneyTheProviderWillNotReturnForAnAdminsRefundButton() {
		Order order = order(1);
		payments.confirm(till.charge(order, "A"));
		till.refuse(true);

		assertThat(payments.confirm(till.charge(order, "B"))).isEqualTo(PaymentOutcome.UNMATCHED);
		assertThat(payments.confirm(till.charge(order, "B"))).isEqualTo(PaymentOutcome.DUPLICATE);

		List<UnmatchedPaymentHeld> held = events.stream(UnmatchedPaymentHeld.class)
			.filter(e -> e.orderNo().equals(order.orderNo()))
			.toList();
		assertThat(held).singleElement().satisfies(e -> assertThat(e.customerId()).isEqualTo(order.customerId()));
		String ref = held.get(0).ref();
		assertThat(unmatchedAlerts(order)).singleElement().satisfies(alert -> {
			assertThat(alert.arg(5)).isEqualTo("false");
			assertThat(alert.actions()).containsExactly(new AlertAction(AlertAction.Verb.REFUND_PAYMENT, ref));
		});
		assertThat(audit.read("payment.unmatched", order.orderNo(), null, 10)).hasSize(1);
		assertThat(returned(order)).isEmpty();

		assertThatThrownBy(() -> payments.refundPayment(ref, "telegram:1")).isInstanceOf(RefundFailed.class);
		till.refuse(false);
		assertThat(payments.refundPayment(ref, "telegram:1")).isEqualTo(RefundOutcome.REFUNDED);
		assertThat(payments.refundPayment(ref, "telegram:2")).isEqualTo(RefundOutcome.ALREADY_REFUNDED);

		assertThat(till.refunded(order)).extracting(RefundRequest::transactionId)
			.containsExactly(till.transaction(order, "B"));
		assertThat(returned(order)).singleElement()
			.satisfies(returned -> assertThat(returned.requestedBy()).isEqualTo("telegram:1"));
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(unmatchedAlerts(order)).as("no second alert").hasSize(1);
		assertThat(audit.read("payment.refund", order.orderNo(), null, 10)).singleElement()
			.satisfies(entry -> assertThat(entry.actor()).isEqualTo("telegram:1"));
	}

	@Test
	void aPaymentsOwnRefRefundsTheOrderAndAnUnknownRefIsRefused() {
		Order order = order(1);
		payments.confirm(till.charge(order, "A"));
		payments.confirm(till.charge(order, "B"));
		String own = Payment.of(till.charge(order, "A"), PaymentOutcome.ACCEPTED, null, null).ref();

		assertThat(payments.refundPayment(own, "telegram:1")).isEqualTo(RefundOutcome.REFUNDED);

		assertThat(status(order)).isEqualTo(OrderStatus.REFUNDED);
		assertThatThrownBy(() -> payments.refundPayment("PAAAAAAAAAA", "telegram:1"))
			.isInstanceOf(PaymentNotFound.class);
		assertThatThrownBy(() -> payments.refundPayment(order.orderNo(), "telegram:1"))
			.isInstanceOf(PaymentNotFound.class);
	}

	private Order order(int codes) {
		Sku sku = new Sku("UNM-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("Unmatched " + sku.value(), null, null, 750L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), codes)), "test");
		return orders.place("buyer-" + sku.value(), sku, 1);
	}

	private OrderStatus status(Order order) {
		return orders.find(order.orderNo()).orElseThrow().status();
	}

	private List<UnmatchedPaymentReturned> returned(Order order) {
		return events.stream(UnmatchedPaymentReturned.class).filter(e -> e.orderNo().equals(order.orderNo())).toList();
	}

	private List<Alert> unmatchedAlerts(Order order) {
		return alerts.recent(200).stream()
			.filter(a -> a.type() == AlertType.PAYMENT_UNMATCHED && a.arg(0).equals(order.orderNo()))
			.toList();
	}
}
