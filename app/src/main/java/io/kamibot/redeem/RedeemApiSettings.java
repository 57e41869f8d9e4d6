package io.kamibot.redeem;

import java.time.Duration;

import io.kamibot.redemption.Redeemers;
import io.kamibot.signing.Caller;
import io.kamibot.signing.SignedApi;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param requestsPerMinute calls one redeemer's key may make per minute (1200 unless set: a partner's system
 *     redeeming at its tills)
 * @param clockSkew how far a request's timestamp may be from the shop's clock (300 s unless set)
 * @param nonceWindow how long a nonce stays used (10 minutes unless set; at least twice the skew)
 * @param keepKeys how long a redeemer found by its key is kept in memory rather than read for every redemption (10 s
 *     unless set; 0 reads every time): a counter's till redeems many codes, and a new key takes effect within it
 */
@ConfigurationProperties("kamibot.redeem-api")
record RedeemApiSettings(Integer requestsPerMinute, Duration clockSkew, Duration nonceWindow, Duration keepKeys) {

	/** A body is one code: a few hundred bytes are plenty. */
	private static final int MAX_BODY_BYTES = 1024;

	RedeemApiSettings {
		requestsPerMinute = requestsPerMinute != null ? requestsPerMinute : 1200;
		clockSkew = clockSkew != null ? clockSkew : Duration.ofSeconds(300);
		nonceWindow = nonceWindow != null ? nonceWindow : Duration.ofMinutes(10);
		keepKeys = keepKeys != null ? keepKeys : Duration.ofSeconds(10);
	}

	/** The redemption API as a signed API: the redeemers' keys sign. */
	SignedApi api(Redeemers redeemers) {
		return new SignedApi("redeem-api", RedeemApi.PREFIX, path -> false, key -> redeemers.byKey(key)
			.map(h -> new Caller(h.redeemer().id(), h.secret(), h.redeemer())), requestsPerMinute, clockSkew,
				nonceWindow, MAX_BODY_BYTES, keepKeys);
	}
}
