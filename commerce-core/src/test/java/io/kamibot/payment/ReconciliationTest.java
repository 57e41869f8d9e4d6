package io.kamibot.payment;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Payments#reconcile}: orders whose payment confirmation never arrived, found by asking the provider. */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
// Imported, not scanned: test classes of this module are on other modules' test classpath.
@Import(ReconciliationTest.LedgerProvider.class)
class ReconciliationTest {

	private static final Duration AGE = Duration.ofMinutes(3);
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
	TestClock clock;

	@Autowired
	LedgerProvider ledger;

	@Test
	void confirmsAPaymentWhoseNotificationWasLostOnceItIsOldEnough() {
		Order order = startedOrder(2);
		ledger.pay(order);

		assertThat(reconciliation.reconcile(AGE, 100)).isZero();
		clock.advance(Duration.ofMinutes(2));
		assertThat(reconciliation.reconcile(AGE, 100)).isZero();
		assertThat(status(order)).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(ledger.asked(order)).isZero();

		clock.advance(Duration.ofMinutes(2));
		assertThat(reconciliation.reconcile(AGE, 100)).isEqualTo(1);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(stock.levels(order.productSku()).sold()).isEqualTo(2);

		clock.advance(Duration.ofMinutes(1));
		assertThat(reconciliation.reconcile(AGE, 100)).isZero();
		assertThat(ledger.asked(order)).as("settled orders are not asked about again").isEqualTo(1);
	}

	@Test
	void leavesAnUnpaidOrderAwaitingPaymentAndStopsAskingOnceItsTimeToPayIsLongOver() {
		Order order = startedOrder(1);
		clock.advance(Duration.ofMinutes(4));
		assertThat(reconciliation.reconcile(AGE, 100)).isZero();
		assertThat(status(order)).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(ledger.asked(order)).isEqualTo(1);

		clock.advance(Duration.ofMinutes(12));
		orders.expireOverdue();
		reconciliation.reconcile(AGE, 100);
		assertThat(ledger.asked(order)).as("just expired: still asked").isEqualTo(2);

		clock.advance(Duration.ofMinutes(3));
		reconciliation.reconcile(AGE, 100);
		assertThat(ledger.asked(order)).isEqualTo(3);
		clock.advance(Duration.ofMinutes(1));
		reconciliation.reconcile(AGE, 100);
		assertThat(ledger.asked(order)).as("unpaid after its time to pay: no longer asked").isEqualTo(3);
		assertThat(status(order)).isEqualTo(OrderStatus.EXPIRED);
	}

	@Test
	void paysAnOrderThatExpiredBeforeTheLostPaymentWasFound() {
		Order order = startedOrder(1);
		ledger.pay(order);
		clock.advance(Duration.ofMinutes(16));
		orders.expireOverdue();
		assertThat(status(order)).isEqualTo(OrderStatus.EXPIRED);

		assertThat(reconciliation.reconcile(AGE, 100)).isEqualTo(1);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
	}

	@Test
	void aProviderThatCannotBeReachedForOneOrderDoesNotHoldUpTheOthers() {
		Order unreachable = startedOrder(1);
		Order paid = startedOrder(1);
		ledger.pay(unreachable);
		ledger.pay(paid);
		ledger.failFor(unreachable);
		clock.advance(Duration.ofMinutes(4));

		assertThat(reconciliation.reconcile(AGE, 100)).isEqualTo(1);
		Eventually.orderStatus(orders, paid.orderNo(), OrderStatus.DELIVERED);
		assertThat(status(unreachable)).isEqualTo(OrderStatus.AWAITING_PAYMENT);

		ledger.failFor(null);
		assertThat(reconciliation.reconcile(AGE, 100)).isEqualTo(1);
		Eventually.orderStatus(orders, unreachable.orderNo(), OrderStatus.DELIVERED);
	}

	@Test
	void aNotificationThatArrivesAfterAllCountsOnce() {
		Order order = startedOrder(1);
		PaymentConfirmation confirmation = ledger.pay(order);
		assertThat(payments.confirm(confirmation)).isEqualTo(PaymentOutcome.ACCEPTED);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		clock.advance(Duration.ofMinutes(4));

		assertThat(reconciliation.reconcile(AGE, 100)).isZero();
		assertThat(ledger.asked(order)).as("the paid order is settled without asking").isZero();
		assertThat(stock.levels(order.productSku()).sold()).isEqualTo(1);
	}

	private Order startedOrder(int quantity) {
		Sku sku = new Sku("RECON-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("Reconciled", null, null, 500L, null, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), 3)), "test");
		Order order = orders.place("buyer-" + sku.value(), sku, quantity);
		assertThat(payments.start(order.orderNo(), order.customerId(), LedgerProvider.ID, "webchat"))
			.isInstanceOf(PaymentInstructions.ScanQr.class);
		return order;
	}

	private OrderStatus status(Order order) {
		return orders.find(order.orderNo()).orElseThrow().status();
	}

	/** A provider that knows which orders were paid, as a payment platform's order query does. */
	static class LedgerProvider implements PaymentProvider {

		static final String ID = "ledger";

		private final Map<String, PaymentConfirmation> paid = new ConcurrentHashMap<>();
		private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
		private final Set<String> failing = ConcurrentHashMap.newKeySet();

		PaymentConfirmation pay(Order order) {
			PaymentConfirmation confirmation = new PaymentConfirmation(ID, "tx-" + order.orderNo(), order.orderNo(),
					Money.fen(order.totalFen()));
			paid.put(order.orderNo(), confirmation);
			return confirmation;
		}

		void failFor(Order order) {
			failing.clear();
			if (order != null) {
				failing.add(order.orderNo());
			}
		}

		int asked(Order order) {
			return asked.getOrDefault(order.orderNo(), new AtomicInteger()).get();
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
			return new PaymentInstructions.ScanQr("ledger://" + order.orderNo());
		}

		@Override
		public Optional<PaymentConfirmation> lookup(Order order) {
			asked.computeIfAbsent(order.orderNo(), k -> new AtomicInteger()).incrementAndGet();
			if (failing.contains(order.orderNo())) {
				throw new IllegalStateException("ledger unreachable");
			}
			return Optional.ofNullable(paid.get(order.orderNo()));
		}
	}
}
