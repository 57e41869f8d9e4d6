package io.kamibot.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retryAfter how old an unfinished event publication must be before it is handed to its listener again: one
 *     minute unless set (far longer than any listener takes)
 */
@ConfigurationProperties("kamibot.events")
record EventSettings(Duration retryAfter) {

	EventSettings {
		retryAfter = retryAfter != null ? retryAfter : Duration.ofMinutes(1);
	}
}
