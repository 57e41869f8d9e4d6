package io.kamibot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move forward by hand; starts at the real time. */
public class TestClock extends Clock {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
	private final ZoneId zone;

	public TestClock(ZoneId zone) {
		this.zone = zone;
	}

	public void advance(Duration duration) {
		now.updateAndGet(t -> t.plus(duration));
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
