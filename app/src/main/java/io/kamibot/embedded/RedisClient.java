package io.kamibot.embedded;

import java.nio.file.Path;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redisson client: to {@code KAMIBOT_REDIS_ADDRESS} when set, else to an embedded Redis started on a free
 * loopback port for the life of the application and no longer (nothing kept there needs to survive a restart).
 */
@Configuration(proxyBeanMethods = false)
class RedisClient {

	@Bean(destroyMethod = "shutdown")
	RedissonClient redisson(@Value("${kamibot.redis.address:}") String address, EmbeddedRedis embedded) {
		String target = address.isBlank() ? embedded.start() : address;
		Config config = new Config();
		config.useSingleServer().setAddress(target).setConnectionMinimumIdleSize(2);
		return Redisson.create(config);
	}

	/** Starts only when asked to, so production never runs a Redis of its own. */
	@Bean(destroyMethod = "stop")
	EmbeddedRedis embeddedRedis(@Value("${kamibot.data-dir}") String dataDir) {
		return new EmbeddedRedis(Path.of(dataDir).resolve("redis"), ProcessHandle.current());
	}
}
