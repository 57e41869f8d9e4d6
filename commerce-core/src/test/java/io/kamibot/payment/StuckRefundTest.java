package io.kamibot.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.alerts.AlertAction;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.TillProvider.ProcessDied;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A refund whose process died after the provider returned the money stays REQUESTED; once it is old enough, one
 * instance takes it over, asks the provider what became of it, and finishes it as if the answer had come.
 */
@CoreTest
@RecordApplicationEvents
@Import(TillProvider.class) // the same configuration as UnmatchedPaymentTest: the two share one application
class StuckRefundTest {

	private static final Duration AGE = Duration.ofMinutes(5);
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
	PaymentReconciliation reconciliation;

	@Autowired
	Alerts alerts;

	@Autowired
	AuditLog audit;

	@Autowired
	TillProvider till;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void settleEarlierTests() {
		till.refuse(false);
		clock.advance(AGE.multipliedBy(2));
		reconciliation.resolveStuckRefunds(AGE, 1000);
	}

	@Test
	void settlesAnOrderRefundWhoseProcessDiedAfterTheProviderReturnedTheMoney() {
		Order order = deliveredOrder();
		till.dieAfterNextRefund();
		assertThatThrownBy(() -> payments.refund(order.orderNo(), "telegram:1")).isInstanceOf(ProcessDied.class);
		assertThat(till.refunded(order)).as("the money went back").hasSize(1);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(payments.refund(order.orderNo(), "telegram:2")).as("the lost request still owns the refund")
			.isEqualTo(RefundOutcome.ALREADY_REFUNDED);

		clock.advance(AGE.minusSeconds(1));
		assertThat(reconciliation.resolveStuckRefunds(AGE, 100)).as("not before the age").isZero();
		assertThat(till.resumed(order)).isZero();

		clock.advance(Duration.ofSeconds(2));
		assertThat(reconciliation.resolveStuckRefunds(AGE, 100)).isEqualTo(1);

		assertThat(status(order)).isEqualTo(OrderStatus.REFUNDED);
		assertThat(till.resumed(order)).isEqualTo(1);
		assertThat(till.refunded(order)).as("asking again did not pay back twice").hasSize(1);
		assertThat(audit.read("order.refund", order.orderNo(), null, 10)).singleElement()
			.satisfies(entry -> assertThat(entry.actor()).isEqualTo("telegram:1"));
		clock.advance(AGE.multipliedBy(2));
		assertThat(reconciliation.resolveStuckRefunds(AGE, 100)).isZero();
		assertThat(till.resumed(order)).isEqualTo(1);
	}

	@Test
	void twoInstancesSweepingAtOnceSettleAStuckRefundOnce() throws Exception {
		Order order = deliveredOrder();
		till.dieAfterNextRefund();
		assertThatThrownBy(() -> payments.refund(order.orderNo(), "admin-api")).isInstanceOf(ProcessDied.class);
		clock.advance(AGE.plusSeconds(1));

		List<Integer> settled = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> sweeps = List.of(() -> reconciliation.resolveStuckRefunds(AGE, 100),
					() -> reconciliation.resolveStuckRefunds(AGE, 100));
			for (Future<Integer> count : pool.invokeAll(sweeps, 1, TimeUnit.MINUTES)) {
				settled.add(count.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(settled).containsExactlyInAnyOrder(0, 1);
		assertThat(till.resumed(order)).isEqualTo(1);
		assertThat(status(order)).isEqualTo(OrderStatus.REFUNDED);
		assertThat(audit.read("order.refund", order.orderNo(), null, 10)).hasSize(1);
	}

	@Test
	void settlesTheStuckReturnOfASecondChargeAndTellsOnce() {
		Order order = deliveredOrder();
		till.dieAfterNextRefund();
		assertThatThrownBy(() -> payments.confirm(till.charge(order, "B"))).isInstanceOf(ProcessDied.class);
		assertThat(payments.confirm(till.charge(order, "B"))).as("the notification again")
			.isEqualTo(PaymentOutcome.DUPLICATE);
		assertThat(returned(order)).isEmpty();

		clock.advance(AGE.plusSeconds(1));
		assertThat(reconciliation.resolveStuckRefunds(AGE, 100)).isEqualTo(1);

		assertThat(till.refunded(order)).singleElement()
			.satisfies(refund -> assertThat(refund.transactionId()).isEqualTo(till.transaction(order, "B")));
		assertThat(returned(order)).singleElement()
			.satisfies(returned -> assertThat(returned.requestedBy()).isEqualTo("system"));
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(alerts.recent(200)).filteredOn(a -> a.type() == AlertType.PAYMENT_UNMATCHED
				&& a.arg(0).equals(order.orderNo())).singleElement()
			.satisfies(a -> assertThat(a.arg(5)).isEqualTo("true"));
	}

	@Test
	void aStuckReturnTheProviderThenRefusesWaitsForAnAdmin() {
		Order order = deliveredOrder();
		till.dieAfterNextRefund();
		assertThatThrownBy(() -> payments.confirm(till.charge(order, "B"))).isInstanceOf(ProcessDied.class);
		till.refuse(true);

		clock.advance(AGE.plusSeconds(1));
		assertThat(reconciliation.resolveStuckRefunds(AGE, 100)).isZero();

		UnmatchedPaymentHeld held = events.stream(UnmatchedPaymentHeld.class)
			.filter(e -> e.orderNo().equals(order.orderNo()))
			.findFirst()
			.orElseThrow();
		assertThat(alerts.recent(200)).filteredOn(a -> a.type() == AlertType.PAYMENT_UNMATCHED
				&& a.arg(0).equals(order.orderNo())).singleElement()
			.satisfies(a -> assertThat(a.actions())
				.containsExactly(new AlertAction(AlertAction.Verb.REFUND_PAYMENT, held.ref())));
		till.refuse(false);
		assertThat(payments.refundPayment(held.ref(), "telegram:1")).isEqualTo(RefundOutcome.REFUNDED);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
	}

	private Order deliveredOrder() {
		Sku sku = new Sku("STUCK-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("Stuck " + sku.value(), null, null, 1200L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), 1)), "test");
		Order order = orders.place("buyer-" + sku.value(), sku, 1);
		assertThat(payments.confirm(till.charge(order, "A"))).isEqualTo(PaymentOutcome.ACCEPTED);
		return order;
	}

	private List<UnmatchedPaymentReturned> returned(Order order) {
		return events.stream(UnmatchedPaymentReturned.class).filter(e -> e.orderNo().equals(order.orderNo())).toList();
	}

	private OrderStatus status(Order order) {
		return orders.find(order.orderNo()).orElseThrow().status();
	}
}
