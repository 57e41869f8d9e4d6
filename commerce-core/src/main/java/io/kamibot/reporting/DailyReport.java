package io.kamibot.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * One day's figures (days are the shop's time zone). Refunded orders count as orders but not as revenue.
 *
 * @param revenueFen CNY revenue in fen, from orders paid in CNY
 * @param revenueStars revenue in Telegram Stars
 * @param topProducts the best-selling products, {@code SKU×codes}, best first
 * @param orders orders paid that day, benefit plans' issues not counted
 * @param stockLeft sellable codes per product, {@code SKU:count}
 * @param planIssues orders benefit plans issued that day (their codes count in the top products, and a payer's
 *     price in the revenue)
 * @param redeemed the shop's own vouchers redeemed that day
 */
public record DailyReport(LocalDate day, int orders, long revenueFen, long revenueStars, List<String> topProducts,
		List<String> stockLeft, int planIssues, long redeemed) {
}
