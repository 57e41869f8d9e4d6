package io.kamibot.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentProvider;
import io.kamibot.payment.Payments;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The reconciliation job, run by Quartz every second here, recovers payments whose notification was lost once they
 * are older than the configured age, also after the expiry job expired the order.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@TestPropertySource(properties = { "kamibot.jobs.reconcile-payments=* * * * * ?",
		"kamibot.jobs.reconcile-payments-age=3m" })
@Import(ReconcileJobTest.PlatformProvider.class)
class ReconcileJobTest {

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
	TestClock clock;

	@Autowired
	PlatformProvider platform;

	@Autowired
	Scheduler scheduler;

	@Test
	void paysAnOrderWhoseNotificationWasLostButNotBeforeItIsOldEnough() {
		Order order = startedOrder();
		platform.pay(order);

		JobFires.of(scheduler, "reconcile-payments").awaitMoreRuns(2, Duration.ofSeconds(15));
		assertThat(status(order)).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(platform.asked(order)).isZero();

		clock.advance(Duration.ofMinutes(4));
		await().atMost(Duration.ofSeconds(15)).until(() -> status(order), equalTo(OrderStatus.DELIVERED));
	}

	@Test
	void leavesAnOrderNobodyPaidAwaitingPayment() {
		Order order = startedOrder();
		clock.advance(Duration.ofMinutes(4));

		await().atMost(Duration.ofSeconds(15)).until(() -> platform.asked(order), greaterThanOrEqualTo(1));
		assertThat(status(order)).isEqualTo(OrderStatus.AWAITING_PAYMENT);
	}

	@Test
	void paysAnOrderTheExpiryJobExpiredMeanwhile() {
		Order order = startedOrder();
		clock.advance(Duration.ofMinutes(16));
		orders.expireOverdue();
		assertThat(status(order)).isEqualTo(OrderStatus.EXPIRED);
		platform.pay(order);

		await().atMost(Duration.ofSeconds(15)).until(() -> status(order), equalTo(OrderStatus.DELIVERED));
		assertThat(stock.levels(order.productSku()).sold()).isEqualTo(1);
	}

	private Order startedOrder() {
		Sku sku = new Sku("JOB-RECON-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("Reconcile job", null, null, 300L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), 2)), "test");
		Order order = orders.place("buyer-" + sku.value(), sku, 1);
		payments.start(order.orderNo(), order.customerId(), PlatformProvider.ID, "webchat");
		return order;
	}

	private OrderStatus status(Order order) {
		return orders.find(order.orderNo()).orElseThrow().status();
	}

	/** A payment platform whose notifications never arrive; only its order query tells. */
	static class PlatformProvider implements PaymentProvider {

		static final String ID = "platform";

		private final Map<String, PaymentConfirmation> paid = new ConcurrentHashMap<>();
		private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

		void pay(Order order) {
			paid.put(order.orderNo(),
					new PaymentConfirmation(ID, "tx-" + order.orderNo(), order.orderNo(), Money.fen(order.totalFen())));
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
			return true;
		}

		@Override
		public PaymentInstructions start(Order order) {
			return new PaymentInstructions.ScanQr("platform://" + order.orderNo());
		}

		@Override
		public Optional<PaymentConfirmation> lookup(Order order) {
			asked.computeIfAbsent(order.orderNo(), k -> new AtomicInteger()).incrementAndGet();
			return Optional.ofNullable(paid.get(order.orderNo()));
		}
	}
}
