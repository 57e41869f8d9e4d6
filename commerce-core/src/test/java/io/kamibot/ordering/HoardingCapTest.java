package io.kamibot.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.delivery.Deliveries;
import io.kamibot.payment.Payments;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Unpaid orders may hold at most half of a product's unsold codes, or 10 codes where that is more (the defaults):
 * orders past it reserve nothing, so hoarders who never pay cannot starve buyers who do.
 */
@CoreTest
class HoardingCapTest {

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
	Alerts alerts;

	@Test
	void unpaidOrdersHoldAtMostTheCapAndABuyerWhoPaysIsServed() {
		Sku sku = product(20);
		List<Order> hoarded = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			hoarded.add(orders.place("hoarder-" + next.incrementAndGet(), sku, 2));
		}
		assertThat(hoarded).filteredOn(Order::holdsCodes).hasSize(5);
		assertThat(hoarded.subList(5, 10)).allMatch(o -> !o.holdsCodes() && o.status() == OrderStatus.AWAITING_PAYMENT);
		assertThat(stock.levels(sku).reserved()).isEqualTo(10);
		assertThat(stock.levels(sku).available()).isEqualTo(10);

		String buyer = "payer-" + next.incrementAndGet();
		Order order = orders.place(buyer, sku, 1);
		assertThat(order.holdsCodes()).isFalse();
		payments.start(order.orderNo(), buyer, "sandbox", "webchat");
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(deliveries.reveal(order.orderNo(), buyer, "webchat")).hasSize(1);

		List<Alert> hoarding = alerts.recent(100).stream()
			.filter(a -> a.type() == AlertType.HOARDING && a.arg(0).equals(sku.value()))
			.toList();
		assertThat(hoarding).as("one alert for six orders past the cap").hasSize(1);
		assertThat(hoarding.get(0).args()).containsExactly(sku.value(), "Cap " + sku, "50");
	}

	@Test
	void aSmallShelfIsReservedAsIfThereWereNoCap() {
		Sku one = product(1);
		assertThat(orders.place("single-" + next.incrementAndGet(), one, 1).holdsCodes()).isTrue();
		assertThatThrownBy(() -> orders.place("single-" + next.incrementAndGet(), one, 1))
			.isInstanceOf(OutOfStock.class);

		Sku six = product(6);
		for (int i = 0; i < 3; i++) {
			assertThat(orders.place("small-" + next.incrementAndGet(), six, 2).holdsCodes()).isTrue();
		}
		assertThat(stock.levels(six).reserved()).isEqualTo(6);
		assertThat(alerts.recent(100)).noneMatch(a -> a.type() == AlertType.HOARDING && a.arg(0).equals(six.value()));
	}

	@Test
	void anOrderPastTheCapIsRefusedWhenTooFewCodesAreLeftToPayFor() {
		Sku sku = product(24, 20);
		assertThat(orders.place("first-" + next.incrementAndGet(), sku, 12).holdsCodes()).isTrue();
		assertThatThrownBy(() -> orders.place("second-" + next.incrementAndGet(), sku, 13))
			.isInstanceOf(OutOfStock.class);
		assertThat(orders.place("third-" + next.incrementAndGet(), sku, 12).holdsCodes()).isFalse();
		assertThat(stock.levels(sku).reserved()).isEqualTo(12);
	}

	@Test
	void concurrentOrdersDoNotTogetherPassTheCap() throws Exception {
		Sku sku = product(40);
		List<Callable<Order>> hoarders = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String hoarder = "racer-" + next.incrementAndGet();
			hoarders.add(() -> orders.place(hoarder, sku, 2));
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Order> placed = new ArrayList<>();
		try {
			for (Future<Order> order : pool.invokeAll(hoarders, 2, TimeUnit.MINUTES)) {
				placed.add(order.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(placed).hasSize(16);
		long reserved = stock.levels(sku).reserved();
		assertThat(reserved).isLessThanOrEqualTo(20).isEqualTo(2L * placed.stream().filter(Order::holdsCodes).count());
	}

	private Sku product(int codes) {
		return product(codes, 10);
	}

	private Sku product(int codes, int maxPerOrder) {
		Sku sku = new Sku("CAP-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("Cap " + sku, null, null, 100L, null, true, maxPerOrder, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), codes)), "test");
		return sku;
	}
}
