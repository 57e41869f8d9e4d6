package io.kamibot.redeem;

import java.time.Clock;

import io.kamibot.redemption.Redeemers;
import io.kamibot.signing.SignedCalls;
import io.micrometer.observation.ObservationPredicate;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Every call into the redemption API is signed by a redeemer's key: the shared signed-call filter, set up for it.
 * Its calls are not timed in {@code http_server_requests_seconds}: a counter redeems thousands a second, and each
 * redemption is counted where it matters, in the audit log and the daily report.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedeemApiSettings.class)
class RedeemSigning {

	@Bean
	SignedCalls redeemApiSignedCalls(Redeemers redeemers, RedissonClient redis, Clock clock,
			RedeemApiSettings settings) {
		return new SignedCalls(settings.api(redeemers), redis, clock);
	}

	@Bean
	ObservationPredicate redeemApiUntimed() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier().getRequestURI().startsWith(RedeemApi.PREFIX));
	}
}
