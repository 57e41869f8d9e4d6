package io.kamibot.ordering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reservation how long an unpaid order holds its codes (15 minutes unless set)
 * @param reservationCap the share, in percent (10–100), of a product's unsold codes that unpaid orders may hold
 *     reserved (50 unless set); an order past it reserves nothing and takes its codes when paid, if any are left.
 *     100 turns the cap off
 * @param reservationCapMinimum codes of a product unpaid orders may always hold, whatever the share (10 unless set)
 */
@ConfigurationProperties("kamibot.ordering")
public record OrderingSettings(Duration reservation, Integer reservationCap, Integer reservationCapMinimum) {

	public OrderingSettings {
		reservation = reservation != null ? reservation : Duration.ofMinutes(15);
		reservationCap = reservationCap != null ? reservationCap : 50;
		reservationCapMinimum = reservationCapMinimum != null ? reservationCapMinimum : 10;
		if (reservation.isNegative() || reservation.isZero()) {
			throw new IllegalArgumentException("kamibot.ordering.reservation must be positive");
		}
		if (reservationCap < 10 || reservationCap > 100) {
			throw new IllegalArgumentException("kamibot.ordering.reservation-cap is a percentage from 10 to 100");
		}
		if (reservationCapMinimum < 0) {
			throw new IllegalArgumentException("kamibot.ordering.reservation-cap-minimum must not be negative");
		}
	}
}
