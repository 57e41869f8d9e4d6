package io.kamibot.events;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A listener of {@link Ping}s that fails its first attempt at each ping whose {@code failures} ask for it, and counts
 * every attempt and every success.
 */
public class FlakyListener {

	/**
	 * An event for this listener alone; {@code failures} is how many attempts (counted over the listener's life) fail
	 * before one succeeds. Not {@code id}: Spring Data would store that as the embedded document's {@code _id}.
	 */
	public record Ping(String key, int failures) {
	}

	private final AtomicInteger attempts = new AtomicInteger();
	private final AtomicInteger handled = new AtomicInteger();

	@ApplicationModuleListener
	void on(Ping ping) {
		if (attempts.incrementAndGet() <= ping.failures()) {
			throw new IllegalStateException("attempt " + attempts.get() + " at " + ping.key() + " fails on purpose");
		}
		handled.incrementAndGet();
	}

	public int attempts() {
		return attempts.get();
	}

	public int handled() {
		return handled.get();
	}
}
