package io.kamibot.openapi;

import java.time.Clock;

import io.kamibot.resellers.Resellers;
import io.kamibot.signing.SignedCalls;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every call into the Open API is signed by an active reseller's key: the shared signed-call filter, set up for it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenApiSettings.class)
class OpenApiSigning {

	@Bean
	SignedCalls openApiSignedCalls(Resellers resellers, RedissonClient redis, Clock clock, OpenApiSettings settings) {
		return new SignedCalls(settings.api(resellers), redis, clock);
	}
}
