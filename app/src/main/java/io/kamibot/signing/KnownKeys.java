package io.kamibot.signing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The holders of keys an API found lately, kept for a short while so a busy caller's every call does not read its
 * account again. A key issued anew, or a holder suspended, takes effect within that while; with no while, every call
 * reads. Unknown keys are never kept, so a new key works at once. Bounded: past {@value #MAX_KEPT} keys it starts
 * over.
 */
final class KnownKeys {

	private static final int MAX_KEPT = 10_000;

	private final Function<String, Optional<Caller>> callers;
	private final long keepNanos;
	private final Map<String, Kept> kept = new ConcurrentHashMap<>();

	private record Kept(Caller caller, long until) {
	}

	KnownKeys(Function<String, Optional<Caller>> callers, Duration keep) {
		this.callers = callers;
		this.keepNanos = keep.toNanos();
	}

	Optional<Caller> find(String key) {
		if (keepNanos == 0) {
			return callers.apply(key);
		}
		long now = System.nanoTime();
		Kept known = kept.get(key);
		if (known != null && now - known.until() < 0) {
			return Optional.of(known.caller());
		}
		Optional<Caller> caller = callers.apply(key);
		if (kept.size() >= MAX_KEPT) {
			kept.clear();
		}
		caller.ifPresentOrElse(c -> kept.put(key, new Kept(c, now + keepNanos)), () -> kept.remove(key));
		return caller;
	}
}
