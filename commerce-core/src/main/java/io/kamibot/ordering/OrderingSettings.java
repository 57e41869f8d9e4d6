package io.kamibot.ordering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reservation how long an unpaid order holds its codes (15 minutes unless set)
 */
@ConfigurationProperties("kamibot.ordering")
public record OrderingSettings(Duration reservation) {

	public OrderingSettings {
		reservation = reservation != null ? reservation : Duration.ofMinutes(15);
		if (reservation.isNegative() || reservation.isZero()) {
			throw new IllegalArgumentException("kamibot.ordering.reservation must be positive");
		}
	}
}
