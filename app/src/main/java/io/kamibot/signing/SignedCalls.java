package io.kamibot.signing;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.kamibot.signing.Admissions.Admission;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a call into a signed API only when it is signed by an active holder's key, fresh, not replayed and within
 * the key's rate; the controllers read the caller's id from the request attribute {@link #CALLER}. The nonce is
 * recorded only once the signature holds, so nobody without the secret can use up a caller's nonces; the body is read
 * once, bounded, and handed on. Each signed API is one bean of this filter.
 */
public class SignedCalls extends OncePerRequestFilter {

	/** The request attribute holding the id of the key's holder. */
	public static final String CALLER = "io.kamibot.signing.caller";
	/** The request attribute holding the account the API found for the key ({@link Caller#account()}). */
	public static final String ACCOUNT = "io.kamibot.signing.account";
	/** The request attribute holding the body as signed (bytes), for an API that reads it without a converter. */
	public static final String BODY = "io.kamibot.signing.body";
	private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{8,64}");
	private static final Logger log = LoggerFactory.getLogger(SignedCalls.class);

	private final SignedApi api;
	private final KnownKeys keys;
	private final Admissions admissions;
	private final Clock clock;

	public SignedCalls(SignedApi api, RedissonClient redis, Clock clock) {
		this.api = api;
		this.keys = new KnownKeys(api.callers(), api.keepKeys());
		this.admissions = new Admissions(redis, api, clock);
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !path.startsWith(api.prefix()) || api.open().test(path);
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
					+ api.clockSkew().toSeconds() + " s of the shop's clock");
			return;
		}
		if (!NONCE.matcher(nonce).matches()) {
			Refusals.unauthorized(response, Check.BAD_NONCE, "X-Kamibot-Nonce must be 8-64 characters of A-Za-z0-9_-");
			return;
		}
		Caller holder = keys.find(key).orElse(null);
		if (holder == null) {
			Refusals.unauthorized(response, Check.UNKNOWN_KEY, "No active holder has this key");
			return;
		}
		byte[] body = readBody(request);
		if (body == null) {
			Refusals.unauthorized(response, Check.BODY_TOO_LARGE, "The body is larger than "
					+ api.maxBodyBytes() + " bytes");
			return;
		}
		String expected = Signatures.sign(holder.secret(), Signatures.canonical(request.getMethod(),
				request.getRequestURI(), timestamp, nonce, body));
		if (!Signatures.matches(expected, signature)) {
			Refusals.unauthorized(response, Check.BAD_SIGNATURE, "X-Kamibot-Signature is not the HMAC-SHA256 of this "
					+ "request with the key's secret");
			return;
		}
		try {
			Admission admission = admissions.admit(key, nonce);
			if (admission == Admission.REPLAYED) {
				Refusals.unauthorized(response, Check.REPLAYED_NONCE, "This nonce was used with this key in the last "
						+ api.nonceWindow().toMinutes() + " minutes");
				return;
			}
			if (admission == Admission.TOO_MANY) {
				Refusals.tooMany(response, retryAfterSeconds(), api.requestsPerMinute());
				return;
			}
		}
		catch (RedisException e) {
			// Nothing was done yet: the caller may send the call again, with a fresh nonce.
			log.warn("Redis did not answer a signed call's checks: {}", e.getMessage());
			Refusals.unavailable(response);
			return;
		}
		request.setAttribute(CALLER, holder.id());
		request.setAttribute(ACCOUNT, holder.account());
		request.setAttribute(BODY, body);
		chain.doFilter(new ReplayedBody(request, body), response);
	}

	private boolean fresh(String timestamp) {
		try {
			long seconds = Long.parseLong(timestamp);
			return Math.abs(clock.instant().getEpochSecond() - seconds) <= api.clockSkew().toSeconds();
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	/** The time one permit takes to come back, at the least a second. */
	private long retryAfterSeconds() {
		return Math.max(1, (60 + api.requestsPerMinute() - 1) / api.requestsPerMinute());
	}

	/** @return the body, or {@code null} when it is larger than the API reads */
	private byte[] readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > api.maxBodyBytes()) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(api.maxBodyBytes() + 1);
			return body.length > api.maxBodyBytes() ? null : body;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
