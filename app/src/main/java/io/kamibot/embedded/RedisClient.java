package io.kamibot.embedded;

import java.nio.file.Path;
import java.time.Duration;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redisson client: to {@code KAMIBOT_REDIS_ADDRESS} when set, else to an embedded Redis started on a free
 * loopback port for the life of the application and no longer (nothing kept there needs to survive a restart).
 */
@Configuration(proxyBeanMethods = false)
class RedisClient {

	/**
	 * Between a failed command's attempts. Constant rather than Redisson's default jitter: Redisson derives its timeout
	 * timer's tick from the shortest of its delays, and the default's first delay, drawn at start between 0.5 and 1 s,
	 * made it tick every 10 to 49 ms (up to 100 wake-ups a second of an idle shop); a whole second makes it 100 ms.
	 */
	static final ConstantDelay RETRY_DELAY = new ConstantDelay(Duration.ofSeconds(1));

	@Bean(destroyMethod = "shutdown")
	RedissonClient redisson(@Value("${kamibot.redis.address:}") String address, EmbeddedRedis embedded) {
		String target = address.isBlank() ? embedded.start() : address;
		Config config = new Config();
		config.useSingleServer().setAddress(target).setConnectionMinimumIdleSize(2).setRetryDelay(RETRY_DELAY);
		return Redisson.create(config);
	}

	/** Starts only when asked to, so production never runs a Redis of its own. */
	@Bean(destroyMethod = "stop")
	EmbeddedRedis embeddedRedis(@Value("${kamibot.data-dir}") String dataDir) {
		return new EmbeddedRedis(Path.of(dataDir).resolve("redis"), ProcessHandle.current());
	}
}
