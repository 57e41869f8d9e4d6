package io.kamibot.redeem;

import java.time.Clock;

import io.kamibot.redemption.Redeemers;
import io.kamibot.signing.SignedCalls;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every call into the redemption API is signed by a redeemer's key: the shared signed-call filter, set up for it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedeemApiSettings.class)
class RedeemSigning {

	@Bean
	SignedCalls redeemApiSignedCalls(Redeemers redeemers, RedissonClient redis, Clock clock,
			RedeemApiSettings settings) {
		return new SignedCalls(settings.api(redeemers), redis, clock);
	}
}
