package io.kamibot.openapi;

import java.time.Duration;

import io.kamibot.resellers.Resellers;
import io.kamibot.signing.Caller;
import io.kamibot.signing.SignedApi;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param requestsPerMinute calls one key may make per minute (120 unless set)
 * @param clockSkew how far a request's timestamp may be from the shop's clock (300 s unless set)
 * @param nonceWindow how long a nonce stays used (10 minutes unless set; at least twice the skew)
 * @param maxBodyBytes the largest request body read (16 KB unless set)
 */
@ConfigurationProperties("kamibot.open-api")
record OpenApiSettings(Integer requestsPerMinute, Duration clockSkew, Duration nonceWindow, Integer maxBodyBytes) {

	OpenApiSettings {
		requestsPerMinute = requestsPerMinute != null ? requestsPerMinute : 120;
		clockSkew = clockSkew != null ? clockSkew : Duration.ofSeconds(300);
		nonceWindow = nonceWindow != null ? nonceWindow : Duration.ofMinutes(10);
		maxBodyBytes = maxBodyBytes != null ? maxBodyBytes : 16 * 1024;
		if (requestsPerMinute < 1 || nonceWindow.compareTo(clockSkew.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("kamibot.open-api: requests-per-minute ≥ 1, nonce-window ≥ 2 × clock-skew");
		}
	}

	/** The Open API as a signed API: only active resellers' keys sign. */
	SignedApi api(Resellers resellers) {
		return new SignedApi("open-api", OpenApi.PREFIX, OpenApiDocument::isPublic, key -> resellers.byKey(key)
			.filter(h -> h.reseller().active())
			.map(h -> new Caller(h.reseller().id(), h.secret(), h.reseller())), requestsPerMinute, clockSkew, nonceWindow,
				maxBodyBytes, Duration.ZERO);
	}
}
