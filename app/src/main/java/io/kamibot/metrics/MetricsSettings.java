package io.kamibot.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param refresh how often the counted gauges (stock, alert queue, inbox backlog) are counted again; a scrape only
 *     reads the last counts, so scraping often costs the database nothing
 */
@ConfigurationProperties("kamibot.metrics")
record MetricsSettings(Duration refresh) {

	MetricsSettings {
		refresh = refresh != null ? refresh : Duration.ofSeconds(30);
		if (refresh.isNegative() || refresh.isZero()) {
			throw new IllegalArgumentException("kamibot.metrics.refresh must be positive");
		}
	}
}
