package io.kamibot.alerts;

import java.util.List;

/**
 * A kind of admin destination (Telegram admin groups, WeCom group robots) that renders and sends alerts. Channels
 * provide them as Spring beans; the dispatcher keeps each target within {@link #perMinute()}.
 */
public interface AlertSink {

	/** The sink's name; destinations are {@code <channel>:<target>}. */
	String channel();

	/** Targets that come from configuration rather than from registration in a chat. */
	default List<String> configuredTargets() {
		return List.of();
	}

	/** Messages a target takes per minute. */
	default int perMinute() {
		return 20;
	}

	/**
	 * The Redis key of the rate limiter of a target, when the channel already keeps one that other messages to the
	 * target share; {@code null} for a limiter of the dispatcher's own.
	 */
	default String rateKey(String target) {
		return null;
	}

	/** Sends one alert with its buttons; throws when the target did not take it. */
	void send(String target, Alert alert);

	/** Sends several alerts as one message (over the rate limit); throws when the target did not take it. */
	void sendDigest(String target, List<Alert> alerts);
}
