package io.kamibot.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Admits a signed call in one round trip to Redis: records its nonce, unless the key used it within the window, and
 * counts the call against the key's rate, at most that many calls in any minute (the key's calls of the last minute
 * kept as a sorted set by time, the nonce as member). A replayed nonce is refused before the rate is touched; a call
 * refused for the rate has still used its nonce, so it is sent again with a fresh one.
 */
final class Admissions {

	/** What Redis said of a call. */
	enum Admission {
		ADMITTED, REPLAYED, TOO_MANY
	}

	private static final long MINUTE_MICROS = Duration.ofMinutes(1).toNanos() / 1000;
	/**
	 * KEYS: the nonce, the key's calls. ARGV: the nonce window (ms), now (µs), the minute (µs), the rate, the nonce.
	 * Returns 0 replayed, 1 admitted, 2 too many.
	 */
	private static final String SCRIPT = """
			if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
			local now = tonumber(ARGV[2])
			local minute = tonumber(ARGV[3])
			redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', string.format('%d', now - minute))
			if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return 2 end
			redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
			redis.call('PEXPIRE', KEYS[2], math.ceil(minute / 1000))
			return 1
			""";

	private final RScript redis;
	private final SignedApi api;
	private final Clock clock;

	Admissions(RedissonClient redis, SignedApi api, Clock clock) {
		this.redis = redis.getScript(StringCodec.INSTANCE);
		this.api = api;
		this.clock = clock;
	}

	/** @throws org.redisson.client.RedisException when Redis did not answer; nothing was recorded then */
	Admission admit(String key, String nonce) {
		String prefix = "kamibot:" + api.name() + ":";
		long now = clock.instant().toEpochMilli() * 1000;
		Long answer = redis.eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LONG,
				List.of(prefix + "nonce:" + key + ":" + nonce, prefix + "calls:" + key),
				Long.toString(api.nonceWindow().toMillis()), Long.toString(now), Long.toString(MINUTE_MICROS),
				Integer.toString(api.requestsPerMinute()), nonce);
		return switch (answer.intValue()) {
			case 0 -> Admission.REPLAYED;
			case 1 -> Admission.ADMITTED;
			default -> Admission.TOO_MANY;
		};
	}
}
