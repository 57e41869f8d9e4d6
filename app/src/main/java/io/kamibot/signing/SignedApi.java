package io.kamibot.signing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One signed API: where it lives, who holds its keys, and its limits.
 *
 * @param name names its nonces and rate limits in Redis, so two APIs never share them
 * @param prefix the paths it guards, e.g. {@code /api/open/v1/}
 * @param open paths below the prefix that need no signature (a published description)
 * @param callers finds the active holder of a key id
 * @param requestsPerMinute calls one key may make per minute
 * @param clockSkew how far a request's timestamp may be from the shop's clock
 * @param nonceWindow how long a nonce stays used (at least twice the skew)
 * @param maxBodyBytes the largest request body read
 * @param keepKeys how long a key's holder, once found, is kept in memory instead of read again for each call
 *     ({@link Duration#ZERO}: read every time); a new key, or a suspension, takes effect within this time
 */
public record SignedApi(String name, String prefix, Predicate<String> open, Function<String, Optional<Caller>> callers,
		int requestsPerMinute, Duration clockSkew, Duration nonceWindow, int maxBodyBytes, Duration keepKeys) {

	public SignedApi {
		if (requestsPerMinute < 1 || nonceWindow.compareTo(clockSkew.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException(name + ": requests-per-minute ≥ 1, nonce-window ≥ 2 × clock-skew");
		}
	}
}
