package io.kamibot.stock;

import java.time.Duration;
import java.time.LocalDate;

import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Orders;
import io.kamibot.stockwatch.StockWatch;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expired codes are never allocated, are voided by the sweep, and are warned about before they expire. */
@CoreTest
class StockExpiryTest {

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	StockWatch watch;

	@Autowired
	Alerts alerts;

	@Autowired
	TestClock clock;

	@Test
	void anExpiredCodeIsNeverAllocatedAndTheSweepVoidsIt() {
		Sku sku = new Sku("EXP-1");
		catalog.save(sku, new ProductDraft("Expiring", null, null, 100L, null, true, 5, 1));
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		stock.importCodes(sku, Codes.stream("EXP-CODE-1," + tomorrow + "\n"), "test");

		assertThat(watch.warnExpiring()).isGreaterThanOrEqualTo(1);
		assertThat(watch.warnExpiring()).as("once per product and day").isZero();
		assertThat(alerts.recent(50)).anyMatch(a -> a.type() == AlertType.STOCK_EXPIRING && a.arg(0).equals("EXP-1"));

		clock.advance(Duration.ofDays(3));
		assertThat(stock.available(sku)).isZero();
		assertThatThrownBy(() -> orders.place("late-buyer", sku, 1)).isInstanceOf(OutOfStock.class);
		assertThat(stock.levels(sku).expired()).isEqualTo(1);

		assertThat(stock.voidExpired()).isEqualTo(1);
		assertThat(stock.voidExpired()).isZero();
		assertThat(stock.levels(sku)).isEqualTo(new StockLevels(0, 0, 0, 0));
	}
}
