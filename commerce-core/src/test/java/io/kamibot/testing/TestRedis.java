package io.kamibot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import redis.embedded.RedisServer;

/**
 * The Redis tests use: the one at 127.0.0.1:6379 when it answers, else an embedded one started once per test JVM
 * on a free port and stopped when the JVM exits.
 */
public final class TestRedis {

	private static String address;

	private TestRedis() {
	}

	public static synchronized String address() {
		if (address == null) {
			address = answers(6379) ? "redis://127.0.0.1:6379" : "redis://127.0.0.1:" + startEmbedded();
		}
		return address;
	}

	/**
	 * A client of the test Redis. The locks of a client that stopped (an instance a test closes in the middle of a job)
	 * expire after 5 s instead of Redisson's 30, so tests that wait for that wait less; a live holder renews its locks.
	 * The retry delay is constant, as the app's: a jittered one makes Redisson's timer tick every few milliseconds.
	 */
	public static RedissonClient client() {
		Config config = new Config();
		config.setLockWatchdogTimeout(5_000);
		config.useSingleServer().setAddress(address()).setConnectionMinimumIdleSize(1).setConnectionPoolSize(4)
			.setRetryDelay(new ConstantDelay(Duration.ofSeconds(1)));
		return Redisson.create(config);
	}

	private static boolean answers(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static int startEmbedded() {
		try {
			int port;
			try (ServerSocket probe = new ServerSocket(0)) {
				port = probe.getLocalPort();
			}
			RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException e) {
					// The JVM is going away anyway.
				}
			}));
			return port;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded Redis", e);
		}
	}
}
