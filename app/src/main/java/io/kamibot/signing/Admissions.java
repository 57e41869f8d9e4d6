package io.kamibot.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Admits a signed call in one round trip to Redis: records its nonce, unless the key used it within the window, and
 * takes one of the key's calls for the minute. The rate is a cell rate (GCRA): a key may make its whole minute's
 * calls at once, then one per 60 s / rate; one key per API key, holding when the next call is due. A replayed nonce is
 * refused before the rate is touched; a call refused for the rate has still used its nonce, so it is sent again with
 * a fresh one.
 */
final class Admissions {

	/** What Redis said of a call. */
	enum Admission {
		ADMITTED, REPLAYED, TOO_MANY
	}

	private static final long MINUTE_MICROS = Duration.ofMinutes(1).toNanos() / 1000;
	/**
	 * KEYS: the nonce, the key's rate. ARGV: the nonce window (ms), now (µs), the minute (µs), the spacing of calls
	 * (µs). Returns 0 replayed, 1 admitted, 2 too many.
	 */
	private static final String SCRIPT = """
			if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
			local now = tonumber(ARGV[2])
			local minute = tonumber(ARGV[3])
			local due = math.max(tonumber(redis.call('GET', KEYS[2]) or now), now)
			local next = due + tonumber(ARGV[4])
			if next - now > minute then return 2 end
			redis.call('SET', KEYS[2], string.format('%d', next), 'PX', math.ceil(minute / 1000))
			return 1
			""";

	private final RScript redis;
	private final SignedApi api;
	private final Clock clock;
	private final long spacingMicros;

	Admissions(RedissonClient redis, SignedApi api, Clock clock) {
		this.redis = redis.getScript(StringCodec.INSTANCE);
		this.api = api;
		this.clock = clock;
		this.spacingMicros = Math.max(1, MINUTE_MICROS / api.requestsPerMinute());
	}

	/** @throws org.redisson.client.RedisException when Redis did not answer; nothing was recorded then */
	Admission admit(String key, String nonce) {
		String prefix = "kamibot:" + api.name() + ":";
		long now = clock.instant().toEpochMilli() * 1000;
		Long answer = redis.eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LONG,
				List.of(prefix + "nonce:" + key + ":" + nonce, prefix + "rate:" + key),
				Long.toString(api.nonceWindow().toMillis()), Long.toString(now), Long.toString(MINUTE_MICROS),
				Long.toString(spacingMicros));
		return switch (answer.intValue()) {
			case 0 -> Admission.REPLAYED;
			case 1 -> Admission.ADMITTED;
			default -> Admission.TOO_MANY;
		};
	}
}
