package io.kamibot.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.stock.Vouchers;
import org.springframework.stereotype.Service;

/** Computes daily reports and sends them to admins as an alert with a chart of the last {@value #DAYS} days. */
@Service
public class DailyReports {

	static final int DAYS = 14;
	private static final int TOP = 3;
	private static final String STARS = "stars:";

	private final Orders orders;
	private final Catalog catalog;
	private final Stock stock;
	private final Vouchers vouchers;
	private final Alerts alerts;
	private final Clock clock;
	private final ZoneId zone;

	DailyReports(Orders orders, Catalog catalog, Stock stock, Vouchers vouchers, Alerts alerts, Clock clock,
			ShopSettings shop) {
		this.orders = orders;
		this.catalog = catalog;
		this.stock = stock;
		this.vouchers = vouchers;
		this.alerts = alerts;
		this.clock = clock;
		this.zone = shop.zone();
	}

	/** The figures of one day. */
	public DailyReport report(LocalDate day) {
		List<Order> paid = orders.paidBetween(start(day), start(day.plusDays(1)));
		long fen = 0;
		long stars = 0;
		Map<String, Integer> sold = new TreeMap<>();
		int issues = 0;
		for (Order order : paid) {
			if (order.issuedByPlan()) {
				issues++;
			}
			if (order.status() != OrderStatus.REFUNDED) {
				if (order.payment() != null && order.payment().startsWith(STARS) && order.totalStars() != null) {
					stars += order.totalStars();
				}
				else {
					fen += order.totalFen();
				}
			}
			sold.merge(order.sku(), order.quantity(), Integer::sum);
		}
		List<String> top = sold.entrySet().stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
			.limit(TOP)
			.map(e -> e.getKey() + "×" + e.getValue())
			.toList();
		List<String> left = new ArrayList<>();
		for (Product product : catalog.all()) {
			left.add(product.sku() + ":" + stock.available(product.id()));
		}
		return new DailyReport(day, paid.size() - issues, fen, stars, top, left, issues,
				vouchers.redeemedBetween(start(day), start(day.plusDays(1))));
	}

	/** Today's figures so far. */
	public DailyReport today() {
		return report(LocalDate.ofInstant(clock.instant(), zone));
	}

	/** Yesterday's report, sent once: a second call for the same day changes nothing and returns false. */
	public boolean sendYesterday() {
		return send(LocalDate.ofInstant(clock.instant(), zone).minusDays(1));
	}

	/**
	 * Sends the day's report with the chart of the {@value #DAYS} days ending with it, once per day.
	 *
	 * @return whether this call sent it
	 */
	public boolean send(LocalDate day) {
		List<DailyReport> days = new ArrayList<>();
		for (int back = DAYS - 1; back >= 0; back--) {
			days.add(report(day.minusDays(back)));
		}
		DailyReport report = days.get(days.size() - 1);
		return alerts.raise(AlertType.DAILY_REPORT, "daily-report:" + day,
				List.of(day.toString(), String.valueOf(report.orders()), Money.fen(report.revenueFen()).display(),
						String.valueOf(report.revenueStars()), String.join(", ", report.topProducts()),
						String.join(", ", report.stockLeft()), String.valueOf(report.planIssues()),
						String.valueOf(report.redeemed())),
				List.of(), ReportChart.png(days)).isPresent();
	}

	private Instant start(LocalDate day) {
		return day.atStartOfDay(zone).toInstant();
	}
}
