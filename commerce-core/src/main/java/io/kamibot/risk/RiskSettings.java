package io.kamibot.risk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ordersPerWindow orders one customer may place per {@code window}
 * @param ordersPerAddress orders one client address may place per {@code window}, whatever the customers (only
 *     channels that know their users' addresses say where an order came from: the web chat)
 * @param window the period of {@code ordersPerWindow} and {@code ordersPerAddress}
 * @param maxUnpaid unpaid orders one customer may hold at once (each reserves codes)
 * @param maxQuantity codes one order may take, whatever the product allows
 * @param reviewFirstOrderFen a customer's first order costing at least this (CNY fen) waits for an admin
 * @param reviewFirstOrderStars the same in Telegram Stars
 */
@ConfigurationProperties("kamibot.risk")
record RiskSettings(Integer ordersPerWindow, Integer ordersPerAddress, Duration window, Integer maxUnpaid,
		Integer maxQuantity, Long reviewFirstOrderFen, Long reviewFirstOrderStars) {

	RiskSettings {
		ordersPerWindow = ordersPerWindow != null ? ordersPerWindow : 5;
		ordersPerAddress = ordersPerAddress != null ? ordersPerAddress : 10;
		window = window != null ? window : Duration.ofMinutes(10);
		maxUnpaid = maxUnpaid != null ? maxUnpaid : 3;
		maxQuantity = maxQuantity != null ? maxQuantity : 50;
		reviewFirstOrderFen = reviewFirstOrderFen != null ? reviewFirstOrderFen : 50_000L;
		reviewFirstOrderStars = reviewFirstOrderStars != null ? reviewFirstOrderStars : 2_500L;
	}
}
