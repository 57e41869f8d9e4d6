package io.kamibot.stockwatch;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Low-stock and out-of-stock alerts: one per crossing, re-armed by a restock, taken once by racing checks. */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@TestPropertySource(properties = "kamibot.stock-watch.auto-pause=true")
class StockWatchTest {

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Alerts alerts;

	@Autowired
	StockWatch watch;

	@Test
	void sellingDownToTheThresholdAlertsOnceAndARestockAboveItReArms() {
		Sku sku = product("SW-LOW", 3);
		stock.importCodes(sku, Codes.stream(Codes.lines("SW-LOW-A", 6)), "test");
		for (int i = 0; i < 5; i++) {
			orders.place(buyer(), sku, 1); // 5, 4, 3 (alert), 2, 1
		}
		assertThat(alerts(AlertType.LOW_STOCK, sku)).hasSize(1);
		assertThat(alerts(AlertType.LOW_STOCK, sku).get(0).args()).containsExactly("SW-LOW", "SW-LOW title", "3", "3");

		stock.importCodes(sku, Codes.stream(Codes.lines("SW-LOW-B", 2)), "test"); // 3: not above, still armed off
		assertThat(alerts(AlertType.LOW_STOCK, sku)).hasSize(1);
		stock.importCodes(sku, Codes.stream(Codes.lines("SW-LOW-C", 5)), "test"); // 8: re-armed
		for (int i = 0; i < 5; i++) {
			orders.place(buyer(), sku, 1);
		}
		assertThat(alerts(AlertType.LOW_STOCK, sku)).hasSize(2);
	}

	@Test
	void cancelledOrdersThatPutTheCountBackAboveTheThresholdReArm() {
		Sku sku = product("SW-CANCEL", 2);
		stock.importCodes(sku, Codes.stream(Codes.lines("SW-CANCEL", 4)), "test");
		List<io.kamibot.ordering.Order> placed = new java.util.ArrayList<>();
		for (int i = 0; i < 2; i++) {
			placed.add(orders.place(buyer(), sku, 1)); // 3, 2 (alert)
		}
		assertThat(alerts(AlertType.LOW_STOCK, sku)).hasSize(1);
		placed.forEach(order -> orders.cancel(order.orderNo(), order.customerId())); // back to 4: re-armed
		orders.place(buyer(), sku, 1); // 3
		assertThat(alerts(AlertType.LOW_STOCK, sku)).hasSize(1);
		orders.place(buyer(), sku, 1); // 2
		assertThat(alerts(AlertType.LOW_STOCK, sku)).hasSize(2);
	}

	@Test
	void codesTakenAtDeliveryForALapsedReservationCountToo() {
		Sku sku = product("SW-LATE", 1);
		stock.importCodes(sku, Codes.stream(Codes.lines("SW-LATE", 3)), "test");
		io.kamibot.ordering.Order late = orders.place(buyer(), sku, 1); // 2
		stock.release(late.orderNo()); // the reservation lapsed: 3 on the shelf, no event (the expiry job checks)
		orders.place(buyer(), sku, 1); // 2
		assertThat(alerts(AlertType.LOW_STOCK, sku)).isEmpty();
		assertThat(stock.sell(sku, late.orderNo(), 1)).isEqualTo(1); // the late payment takes a fresh code: 1
		assertThat(alerts(AlertType.LOW_STOCK, sku)).hasSize(1);
		assertThat(alerts(AlertType.LOW_STOCK, sku).get(0).args()).containsExactly("SW-LATE", "SW-LATE title", "1", "1");
	}

	@Test
	void theLastCodeSoldAlertsOutOfStockOnceAndPausesTheProduct() {
		Sku sku = product("SW-OUT", 1);
		stock.importCodes(sku, Codes.stream(Codes.lines("SW-OUT", 2)), "test");
		orders.place(buyer(), sku, 1);
		orders.place(buyer(), sku, 1);
		watch.scan();
		watch.check(sku);

		assertThat(alerts(AlertType.OUT_OF_STOCK, sku)).hasSize(1);
		assertThat(alerts(AlertType.OUT_OF_STOCK, sku).get(0).arg(2)).isEqualTo("true");
		assertThat(catalog.get(sku).active()).isFalse();
	}

	@Test
	void checksRacingOnTheSameCrossingAlertOnce() {
		Sku sku = product("SW-RACE", 5);
		stock.importCodes(sku, Codes.stream(Codes.lines("SW-RACE", 4)), "test");
		List<CompletableFuture<Void>> checks = java.util.stream.IntStream.range(0, 8)
			.mapToObj(i -> CompletableFuture.runAsync(() -> watch.check(sku)))
			.toList();
		checks.forEach(CompletableFuture::join);
		assertThat(alerts(AlertType.LOW_STOCK, sku)).hasSize(1);
	}

	private Sku product(String name, int threshold) {
		Sku sku = new Sku(name);
		catalog.save(sku, new ProductDraft(name + " title", null, null, 100L, null, true, 5, threshold));
		return sku;
	}

	private List<Alert> alerts(AlertType type, Sku sku) {
		return alerts.recent(500).stream().filter(a -> a.type() == type && a.arg(0).equals(sku.value())).toList();
	}

	private static String buyer() {
		return "buyer-" + UUID.randomUUID();
	}
}
