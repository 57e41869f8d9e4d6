package io.kamibot.reporting;

import java.time.LocalDate;
import java.util.Arrays;

import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.Payments;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily report counts the day's orders and revenue and carries a PNG chart; each day is sent once. */
@CoreTest
class DailyReportsTest {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	DailyReports reports;

	@Autowired
	Alerts alerts;

	@Autowired
	TestClock clock;

	@Test
	void reportsTheDayWithAChartOnce() {
		Sku sku = new Sku("REP-1");
		catalog.save(sku, new ProductDraft("Report", null, null, 1500L, null, true, 5, 1));
		stock.importCodes(sku, Codes.stream(Codes.lines("REP-1", 10)), "test");
		for (int i = 0; i < 3; i++) {
			Order order = orders.place("rep-buyer-" + i, sku, 1);
			payments.confirm(new PaymentConfirmation("sandbox", "rep-" + order.orderNo(), order.orderNo(),
					Money.fen(1500)));
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());

		DailyReport report = reports.report(today);
		assertThat(report.orders()).isEqualTo(3);
		assertThat(report.revenueFen()).isEqualTo(4500);
		assertThat(report.topProducts()).containsExactly("REP-1×3");
		assertThat(report.stockLeft()).contains("REP-1:7");

		assertThat(reports.send(today)).isTrue();
		assertThat(reports.send(today)).as("a second run changes nothing").isFalse();
		Alert sent = alerts.recent(20).stream().filter(a -> a.type() == AlertType.DAILY_REPORT).findFirst().orElseThrow();
		assertThat(sent.args()).startsWith(today.toString(), "3", Money.fen(4500).display());
		assertThat(Arrays.copyOf(sent.image(), PNG.length)).isEqualTo(PNG);
	}
}
