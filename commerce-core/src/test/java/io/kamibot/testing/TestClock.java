package io.kamibot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move forward by hand. It starts at a fixed instant, not at the real time, so a test reads the
 * same on every run and whatever takes its time from elsewhere (the wall clock, a platform's timestamp) shows up as
 * a failure instead of passing by luck.
 */
public class TestClock extends Clock {

	/** 2026-03-02 09:00 in Shanghai: a Monday morning, well away from a day, month or year boundary. */
	public static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

	private final AtomicReference<Instant> now = new AtomicReference<>(START);
	private final ZoneId zone;

	public TestClock(ZoneId zone) {
		this.zone = zone;
	}

	public void advance(Duration duration) {
		now.updateAndGet(t -> t.plus(duration));
	}

	/** Back to {@link #START}, for a test class that shares its application with earlier ones. */
	public void reset() {
		now.set(START);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Instant instant() {
		return now.get();
	}
}
