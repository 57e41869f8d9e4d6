package io.kamibot.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import io.kamibot.resellers.Resellers;
import io.kamibot.resellers.Resellers.KeyHolder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a call into the Open API only when it is signed by an active reseller's key, fresh, not replayed and within
 * the key's rate. The nonce is recorded only once the signature holds, so nobody without the secret can use up a
 * reseller's nonces; the body is read once, bounded, and handed on.
 */
@Component
@EnableConfigurationProperties(OpenApiSettings.class)
class SignedCalls extends OncePerRequestFilter {

	static final String PREFIX = "/api/open/v1/";
	static final String RESELLER = "io.kamibot.openapi.reseller";
	private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private final Resellers resellers;
	private final RedissonClient redis;
	private final Clock clock;
	private final OpenApiSettings settings;

	SignedCalls(Resellers resellers, RedissonClient redis, Clock clock, OpenApiSettings settings) {
		this.resellers = resellers;
		this.redis = redis;
		this.clock = clock;
		this.settings = settings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !path.startsWith(PREFIX) || OpenApiDocument.isPublic(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader("X-Kamibot-Key");
		String timestamp = request.getHeader("X-Kamibot-Timestamp");
		String nonce = request.getHeader("X-Kamibot-Nonce");
		String signature = request.getHeader("X-Kamibot-Signature");
		if (blank(key) || blank(timestamp) || blank(nonce) || blank(signature)) {
			Refusals.unauthorized(response, Check.MISSING_HEADER, "Send X-Kamibot-Key, X-Kamibot-Timestamp, "
					+ "X-Kamibot-Nonce and X-Kamibot-Signature");
			return;
		}
		if (!fresh(timestamp)) {
			Refusals.unauthorized(response, Check.STALE_TIMESTAMP, "X-Kamibot-Timestamp must be Unix seconds within "
					+ settings.clockSkew().toSeconds() + " s of the shop's clock");
			return;
		}
		if (!NONCE.matcher(nonce).matches()) {
			Refusals.unauthorized(response, Check.BAD_NONCE, "X-Kamibot-Nonce must be 8-64 characters of A-Za-z0-9_-");
			return;
		}
		KeyHolder holder = resellers.byKey(key).filter(h -> h.reseller().active()).orElse(null);
		if (holder == null) {
			Refusals.unauthorized(response, Check.UNKNOWN_KEY, "No active reseller holds this key");
			return;
		}
		byte[] body = readBody(request);
		if (body == null) {
			Refusals.unauthorized(response, Check.BODY_TOO_LARGE, "The body is larger than "
					+ settings.maxBodyBytes() + " bytes");
			return;
		}
		String expected = Signatures.sign(holder.secret(), Signatures.canonical(request.getMethod(),
				request.getRequestURI(), timestamp, nonce, body));
		if (!Signatures.matches(expected, signature)) {
			Refusals.unauthorized(response, Check.BAD_SIGNATURE, "X-Kamibot-Signature is not the HMAC-SHA256 of this "
					+ "request with the key's secret");
			return;
		}
		if (!redis.getBucket("kamibot:open-api:nonce:" + key + ":" + nonce).setIfAbsent("1", settings.nonceWindow())) {
			Refusals.unauthorized(response, Check.REPLAYED_NONCE, "This nonce was used with this key in the last "
					+ settings.nonceWindow().toMinutes() + " minutes");
			return;
		}
		if (!withinRate(key)) {
			Refusals.tooMany(response, retryAfterSeconds(), settings.requestsPerMinute());
			return;
		}
		request.setAttribute(RESELLER, holder.reseller().id());
		chain.doFilter(new ReplayedBody(request, body), response);
	}

	private boolean fresh(String timestamp) {
		try {
			long seconds = Long.parseLong(timestamp);
			return Math.abs(clock.instant().getEpochSecond() - seconds) <= settings.clockSkew().toSeconds();
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private boolean withinRate(String key) {
		RRateLimiter limiter = redis.getRateLimiter("kamibot:open-api:rate:" + key);
		limiter.trySetRate(RateType.OVERALL, settings.requestsPerMinute(), Duration.ofMinutes(1), Duration.ofMinutes(2));
		return limiter.tryAcquire();
	}

	/** The time one permit takes to come back, at the least a second. */
	private long retryAfterSeconds() {
		return Math.max(1, (60 + settings.requestsPerMinute() - 1) / settings.requestsPerMinute());
	}

	/** @return the body, or {@code null} when it is larger than the API reads */
	private byte[] readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > settings.maxBodyBytes()) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
			return body.length > settings.maxBodyBytes() ? null : body;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
