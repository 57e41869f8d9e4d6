package io.kamibot.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.embedded.RedisServer;

/**
 * The Redisson client: to {@code KAMIBOT_REDIS_ADDRESS} when set, else to an embedded Redis started on a free
 * loopback port for the life of the application (nothing kept there needs to survive a restart).
 */
@Configuration(proxyBeanMethods = false)
class RedisClient {

	private static final Logger log = LoggerFactory.getLogger(RedisClient.class);

	@Bean(destroyMethod = "shutdown")
	RedissonClient redisson(@Value("${kamibot.redis.address:}") String address, EmbeddedRedis embedded) {
		String target = address.isBlank() ? embedded.start() : address;
		Config config = new Config();
		config.useSingleServer().setAddress(target).setConnectionMinimumIdleSize(2);
		return Redisson.create(config);
	}

	@Bean(destroyMethod = "stop")
	EmbeddedRedis embeddedRedis() {
		return new EmbeddedRedis();
	}

	/** Starts only when asked to, so production never runs a Redis of its own. */
	static class EmbeddedRedis {

		private RedisServer server;

		synchronized String start() {
			try {
				int port;
				try (ServerSocket probe = new ServerSocket(0)) {
					port = probe.getLocalPort();
				}
				server = RedisServer.newRedisServer()
					.port(port)
					.bind("127.0.0.1")
					.setting("save \"\"")
					.setting("appendonly no")
					.build();
				server.start();
				log.info("Started the embedded Redis on 127.0.0.1:{}", port);
				return "redis://127.0.0.1:" + port;
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not start the embedded Redis; set KAMIBOT_REDIS_ADDRESS", e);
			}
		}

		synchronized void stop() throws IOException {
			if (server != null) {
				server.stop();
			}
		}
	}
}
