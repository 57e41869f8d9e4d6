package io.kamibot.alerts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param window the period of each destination's limit (the limit itself is the sink's, 20 unless it says)
 * @param groupWait how long the queue of a destination must be quiet before it is sent, so a burst is seen whole
 * @param maxWait the longest an alert waits for its burst to end
 * @param maxAttempts sends tried per alert and destination before it is marked FAILED
 * @param retryDelay the wait after the first failure, doubled after each further one
 * @param tick how often the dispatcher looks for work while alerts are queued
 * @param idleTick how often it looks when none are: an alert raised on this instance wakes it at once, so this
 *     bounds only how long one queued by another instance that stopped before sending it waits
 */
@ConfigurationProperties("kamibot.alerts")
record AlertSettings(Duration window, Duration groupWait, Duration maxWait, Integer maxAttempts, Duration retryDelay, Duration tick,
		Duration idleTick) {

	AlertSettings {
		window = window != null ? window : Duration.ofMinutes(1);
		groupWait = groupWait != null ? groupWait : Duration.ofMillis(500);
		maxWait = maxWait != null ? maxWait : Duration.ofSeconds(5);
		maxAttempts = maxAttempts != null ? maxAttempts : 6;
		retryDelay = retryDelay != null ? retryDelay : Duration.ofSeconds(5);
		tick = tick != null ? tick : Duration.ofMillis(200);
		idleTick = idleTick != null ? idleTick : Duration.ofSeconds(5);
	}
}
