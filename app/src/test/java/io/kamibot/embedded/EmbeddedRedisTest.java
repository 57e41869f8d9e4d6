package io.kamibot.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded Redis is never shared by two apps and never outlives its app for good. Another app is played by
 * {@code cat}, which runs until its input ends. That the watchdog stops Redis when the app is killed with
 * {@code kill -9} is shown by {@code CrashTest}, which kills a real app.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(120)
class EmbeddedRedisTest {

	private static final Duration WITHIN = Duration.ofSeconds(10);

	@TempDir
	Path data;

	@Test
	void stopsARedisThatAnAppNowGoneLeftRunningInItsDataDirectory() throws Exception {
		Process formerApp = new ProcessBuilder("cat").start();
		EmbeddedRedis former = new EmbeddedRedis(data.resolve("redis"), formerApp.toHandle());
		EmbeddedRedis next = new EmbeddedRedis(data.resolve("redis"), ProcessHandle.current());
		try {
			former.start();
			ProcessHandle leftBehind = former.redis();
			// The app and the watchdog die together, the one way Redis is left behind.
			formerApp.getOutputStream().close();
			assertThat(formerApp.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
			former.process().destroyForcibly();
			assertThat(former.process().onExit()).succeedsWithin(WITHIN);
			assertThat(leftBehind.isAlive()).isTrue();

			String address = next.start();

			assertThat(ProcessExit.within(leftBehind, WITHIN)).isTrue();
			assertThat(ping(address)).isEqualTo("+PONG");
			ProcessHandle current = next.redis();
			next.stop();
			assertThat(ProcessExit.within(current, Duration.ZERO)).isTrue();
			assertThat(data.resolve("redis").resolve(RedisPidFile.NAME)).doesNotExist();
		}
		finally {
			next.stop();
			former.stop();
			formerApp.destroyForcibly();
		}
	}

	@Test
	void refusesADataDirectoryWhoseRedisBelongsToAnotherRunningApp() throws Exception {
		Process otherApp = new ProcessBuilder("cat").start();
		EmbeddedRedis other = new EmbeddedRedis(data.resolve("redis"), otherApp.toHandle());
		EmbeddedRedis second = new EmbeddedRedis(data.resolve("redis"), ProcessHandle.current());
		try {
			String address = other.start();

			assertThatThrownBy(second::start).isInstanceOf(DataDirectoryInUse.class)
				.hasMessageContaining("process " + otherApp.pid());

			assertThat(other.redis().isAlive()).isTrue();
			assertThat(ping(address)).isEqualTo("+PONG");
		}
		finally {
			second.stop();
			other.stop();
			otherApp.destroyForcibly();
		}
	}

	private static String ping(String address) throws IOException {
		URI uri = URI.create(address);
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			socket.setSoTimeout((int) WITHIN.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
		}
	}
}
