package io.kamibot.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's figures for today, the last 7 or the last 30 days (in the shop's time zone): revenue by currency,
 * paid orders, codes sold, the top products, one entry per day for the chart, and the products running out.
 * Refunded orders count as orders but bring no revenue and sell no codes.
 */
@RestController
class DashboardApi {

	private static final int TOP = 5;
	private static final int DEFAULT_THRESHOLD = 5;
	private static final String STARS = "stars:";

	private final Orders orders;
	private final Catalog catalog;
	private final Stock stock;
	private final Clock clock;
	private final ZoneId zone;

	DashboardApi(Orders orders, Catalog catalog, Stock stock, Clock clock, ShopSettings shop) {
		this.orders = orders;
		this.catalog = catalog;
		this.stock = stock;
		this.clock = clock;
		this.zone = shop.zone();
	}

	@GetMapping("/api/admin/dashboard")
	Dashboard dashboard(@RequestParam(defaultValue = "7") int days) {
		if (days != 1 && days != 7 && days != 30) {
			throw new IllegalArgumentException("days is 1 (today), 7 or 30");
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate first = today.minusDays(days - 1L);
		Map<LocalDate, Day> byDay = new LinkedHashMap<>();
		for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
			byDay.put(d, new Day(d, 0, 0, 0, 0));
		}
		Map<String, Long> sold = new LinkedHashMap<>();
		for (Order order : orders.paidBetween(first.atStartOfDay(zone).toInstant(),
				today.plusDays(1).atStartOfDay(zone).toInstant())) {
			LocalDate day = LocalDate.ofInstant(order.paidAt(), zone);
			byDay.computeIfPresent(day, (d, figures) -> figures.plus(order));
			if (order.status() != OrderStatus.REFUNDED) {
				sold.merge(order.sku(), (long) order.quantity(), Long::sum);
			}
		}
		List<Day> series = List.copyOf(byDay.values());
		return new Dashboard(days, series.stream().mapToLong(Day::revenueFen).sum(),
				series.stream().mapToLong(Day::revenueStars).sum(), series.stream().mapToLong(Day::orders).sum(),
				series.stream().mapToLong(Day::codes).sum(), top(sold), series, runningOut());
	}

	private static List<Top> top(Map<String, Long> sold) {
		return sold.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(TOP)
			.map(e -> new Top(e.getKey(), e.getValue()))
			.toList();
	}

	/** Products on sale whose available codes are at or below their threshold (or 5 when they set none). */
	private List<Low> runningOut() {
		List<Low> low = new ArrayList<>();
		for (Product product : catalog.onSale()) {
			int threshold = product.lowStockThreshold() > 0 ? product.lowStockThreshold() : DEFAULT_THRESHOLD;
			long available = stock.availableUpTo(product.id(), threshold + 1);
			if (available <= threshold) {
				low.add(new Low(product.sku(), product.title(), available, threshold));
			}
		}
		return low;
	}

	/**
	 * @param revenueFen CNY taken, in fen; {@code revenueStars} Telegram Stars taken
	 * @param codes codes sold
	 */
	record Dashboard(int days, long revenueFen, long revenueStars, long orders, long codes, List<Top> topProducts,
			List<Day> series, List<Low> runningOut) {
	}

	record Day(LocalDate day, long orders, long revenueFen, long revenueStars, long codes) {

		Day plus(Order order) {
			if (order.status() == OrderStatus.REFUNDED) {
				return new Day(day, orders + 1, revenueFen, revenueStars, codes);
			}
			boolean stars = order.payment() != null && order.payment().startsWith(STARS) && order.totalStars() != null;
			return new Day(day, orders + 1, revenueFen + (stars ? 0 : order.totalFen()),
					revenueStars + (stars ? order.totalStars() : 0), codes + order.quantity());
		}
	}

	record Top(String sku, long codes) {
	}

	record Low(String sku, String title, long available, int threshold) {
	}
}
