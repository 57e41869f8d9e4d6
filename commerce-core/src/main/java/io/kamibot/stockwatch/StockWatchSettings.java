package io.kamibot.stockwatch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lowStockThreshold the threshold of products that set none (their {@code lowStockThreshold} is 0)
 * @param autoPause take a product off sale when its last code is gone
 * @param expiringDays warn about codes whose last day is within this many days
 */
@ConfigurationProperties("kamibot.stock-watch")
record StockWatchSettings(Integer lowStockThreshold, Boolean autoPause, Integer expiringDays) {

	StockWatchSettings {
		lowStockThreshold = lowStockThreshold != null ? lowStockThreshold : 5;
		autoPause = autoPause != null && autoPause;
		expiringDays = expiringDays != null ? expiringDays : 7;
	}
}
