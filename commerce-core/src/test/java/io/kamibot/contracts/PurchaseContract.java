package io.kamibot.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.delivery.Deliveries;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.PaymentOutcome;
import io.kamibot.payment.Payments;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.Stock;
import io.kamibot.stock.StockLevels;
import io.kamibot.testing.Codes;
import io.kamibot.testing.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the core promises whatever MongoDB it runs on: one code, one buyer, however many buy at once; one payment,
 * one fulfilment, however often it is notified at once; unpaid orders expire and free their codes. The embedded
 * store runs commands one at a time, real MongoDB does not: the subclasses run this same body against each.
 */
abstract class PurchaseContract {

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
	Deliveries deliveries;

	@Autowired
	TestClock clock;

	@Autowired
	MongoTemplate mongo;

	/**
	 * Near the end, unpaid orders hold more than the reservation cap, so some buyers order without reserving and
	 * pay for a code another payer took first: they are not refused but wait for stock (paid, back-ordered).
	 */
	@Test
	void deliversEachCodeOnceUnderConcurrentBuyers() throws Exception {
		Sku sku = product(50);
		List<Callable<List<String>>> buyers = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String buyer = "buyer-" + i;
			buyers.add(() -> {
				try {
					Order order = orders.place(buyer, sku, 1);
					payments.start(order.orderNo(), buyer, "sandbox", "webchat");
					// Delivery runs after the payment returned: wait until it either handed codes over or found none.
					Awaitility.await("order " + order.orderNo() + " to be fulfilled")
						.atMost(Duration.ofSeconds(30))
						.until(() -> orders.find(order.orderNo()).orElseThrow().status() != OrderStatus.PAID);
					if (orders.find(order.orderNo()).orElseThrow().status() == OrderStatus.AWAITING_STOCK) {
						return List.of();
					}
					return deliveries.reveal(order.orderNo(), buyer, "webchat");
				}
				catch (OutOfStock e) {
					return List.of();
				}
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		long started = System.nanoTime();
		List<String> delivered = new ArrayList<>();
		int withoutCode = 0;
		try {
			for (Future<List<String>> result : pool.invokeAll(buyers, 2, TimeUnit.MINUTES)) {
				List<String> codes = result.get();
				delivered.addAll(codes);
				withoutCode += codes.isEmpty() ? 1 : 0;
			}
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		assertThat(delivered).hasSize(50);
		assertThat(new HashSet<>(delivered)).hasSize(50);
		assertThat(withoutCode).as("refused, or paid and waiting").isEqualTo(150);
		long waiting = mongo.count(Query.query(Criteria.where("sku").is(sku.value())
			.and("status").is(OrderStatus.AWAITING_STOCK)), Order.class);
		System.out.printf("200 concurrent buyers for 50 codes: %.2f s, %.0f purchase attempts/s, %d paid but waiting "
				+ "for stock%n", seconds, 200 / seconds, waiting);
		assertThat(mongo.count(Query.query(Criteria.where("sku").is(sku.value())), Order.class))
			.as("orders left behind: the delivered ones and paid ones waiting for stock").isEqualTo(50 + waiting);
		assertThat(stock.levels(sku)).isEqualTo(new StockLevels(0, 0, 50, 0));
	}

	@Test
	void confirmsOnePaymentOnceUnderConcurrentDuplicates() throws Exception {
		Sku sku = product(5);
		Order order = orders.place("bob", sku, 1);
		PaymentConfirmation confirmation = new PaymentConfirmation("sandbox", "tx-" + order.orderNo(),
				order.orderNo(), Money.fen(order.totalFen()));
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<PaymentOutcome> outcomes = new ArrayList<>();
		try {
			List<Callable<PaymentOutcome>> duplicates = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				duplicates.add(() -> payments.confirm(confirmation));
			}
			for (Future<PaymentOutcome> outcome : pool.invokeAll(duplicates, 1, TimeUnit.MINUTES)) {
				outcomes.add(outcome.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(outcomes).containsOnlyOnce(PaymentOutcome.ACCEPTED);
		assertThat(outcomes).filteredOn(PaymentOutcome.DUPLICATE::equals).hasSize(19);
		assertThat(stock.levels(sku).sold()).isEqualTo(1);
		assertThat(deliveries.reveal(order.orderNo(), "bob", "webchat")).hasSize(1);
	}

	@Test
	void expiresUnpaidOrdersAndReleasesTheirCodes() {
		Sku sku = product(2);
		Order order = orders.place("erin", sku, 2);
		assertThat(stock.levels(sku).reserved()).isEqualTo(2);
		orders.expireOverdue();
		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

		clock.advance(Duration.ofMinutes(16));
		orders.expireOverdue();

		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
		assertThat(stock.levels(sku)).isEqualTo(new StockLevels(2, 0, 0, 0));
		assertThatThrownBy(() -> payments.start(order.orderNo(), "erin", "sandbox", "webchat"))
			.hasMessageContaining("EXPIRED");
	}

	private Sku product(int codes) {
		Sku sku = new Sku("CONTRACT-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("Test product", null, null, 990L, 50L, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), codes)), "test");
		return sku;
	}
}
