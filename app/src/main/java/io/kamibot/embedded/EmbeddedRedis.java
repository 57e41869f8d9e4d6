package io.kamibot.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * The embedded default's Redis: the {@code redis-server} binary shipped in embedded-redis, run from
 * {@code <data dir>/redis} on a free loopback port for the life of the app, and not longer. Redis has no option to
 * follow its parent, so a POSIX shell watches for it: it runs Redis and stops it when its own standard input ends.
 * The app holds the other end of that pipe, and the kernel closes it however the app ends, {@code kill -9} included.
 * A pid file in the same directory names the Redis and its app; a Redis found there at start whose app is gone is
 * stopped (only when it runs the binary of this directory), and one whose app still runs refuses the start.
 */
final class EmbeddedRedis {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

	/** {@code "$@"} is the Redis command line; the loop ends at end of input, never on a line. */
	static final String WATCHDOG = """
			"$@" &
			redis=$!
			trap 'kill "$redis" 2>/dev/null' HUP INT TERM
			while read -r _; do :; done
			kill "$redis" 2>/dev/null
			wait "$redis"
			""";
	private static final Path SHELL = Path.of("/bin/sh");
	private static final Pattern READY = Pattern.compile("[Rr]eady to accept connections");
	private static final Duration START_WITHIN = Duration.ofSeconds(20);
	private static final Duration STOP_WITHIN = Duration.ofSeconds(10);
	private static final int ATTEMPTS = 3;
	private static final int KEPT_LINES = 20;

	private final Path directory;
	private final ProcessHandle app;
	private final boolean watched = Files.isExecutable(SHELL);
	private Process process;
	private ProcessHandle redis;

	/**
	 * @param directory where the binary and the pid file are kept, and where Redis runs
	 * @param app the app Redis belongs to: this JVM, except in tests
	 */
	EmbeddedRedis(Path directory, ProcessHandle app) {
		this.directory = directory;
		this.app = app;
	}

	/** The directory holds the pid file and Redis's own files: the owner's alone, like the rest of the data dir. */
	private void createOwnerOnly() throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		try {
			Files.createDirectories(directory,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (UnsupportedOperationException e) {
			Files.createDirectories(directory);
		}
	}

	/** Starts Redis; returns its address for Redisson. */
	synchronized String start() {
		try {
			createOwnerOnly();
			clearStale();
			String binary = ExecutableProvider.newJarResourceProvider(directory.toFile()).get().getAbsolutePath();
			IllegalStateException failure = null;
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				int port = freePort();
				try {
					launch(binary, port);
					log.info("Started the embedded Redis on 127.0.0.1:{} (pid {}{})", port, redis.pid(),
							watched ? ", stopped with the app" : "; no /bin/sh to stop it should the app be killed");
					return "redis://127.0.0.1:" + port;
				}
				catch (IllegalStateException e) {
					// Most likely another process took the free port first.
					failure = e;
					stop();
				}
			}
			throw failure;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded Redis; set KAMIBOT_REDIS_ADDRESS", e);
		}
	}

	synchronized void stop() {
		if (process == null) {
			return;
		}
		if (watched) {
			try {
				process.getOutputStream().close();
			}
			catch (IOException e) {
				// The watchdog is gone already; the checks below make sure Redis is too.
			}
		}
		else {
			process.destroy();
		}
		if (!ProcessExit.within(process.toHandle(), STOP_WITHIN)) {
			process.destroyForcibly();
		}
		if (redis != null && !ProcessExit.within(redis, STOP_WITHIN)) {
			redis.destroyForcibly();
		}
		RedisPidFile.delete(directory);
		process = null;
		redis = null;
	}

	private void clearStale() {
		RedisPidFile found = RedisPidFile.read(directory).orElse(null);
		if (found == null) {
			return;
		}
		found.liveApp().filter(other -> other.pid() != app.pid()).ifPresent(other -> {
			throw new DataDirectoryInUse(directory.getParent(), other.pid());
		});
		found.liveRedisIn(directory).ifPresent(stale -> {
			log.warn("Stopping the embedded Redis (pid {}) that an earlier start left running in {}", stale.pid(),
					directory);
			stale.destroy();
			if (!ProcessExit.within(stale, STOP_WITHIN)) {
				stale.destroyForcibly();
				ProcessExit.within(stale, STOP_WITHIN);
			}
		});
		RedisPidFile.delete(directory);
	}

	private void launch(String binary, int port) throws IOException {
		List<String> command = new ArrayList<>();
		if (watched) {
			command.addAll(List.of(SHELL.toString(), "-c", WATCHDOG, "kamibot-redis-watchdog"));
		}
		command.addAll(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
				"--appendonly", "no"));
		process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		awaitReady();
		redis = watched ? process.toHandle().children().findFirst()
			.orElseThrow(() -> new IllegalStateException("The embedded Redis is not running")) : process.toHandle();
		RedisPidFile.of(redis, app).write(directory);
	}

	/** Reads Redis's output until it says it is ready, then keeps draining it into the debug log. */
	private void awaitReady() {
		CompletableFuture<Void> ready = new CompletableFuture<>();
		Process started = process;
		Thread reader = new Thread(() -> {
			Deque<String> lines = new ArrayDeque<>();
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = output.readLine(); line != null; line = output.readLine()) {
					log.debug("redis: {}", line);
					if (!ready.isDone()) {
						lines.addLast(line);
						if (lines.size() > KEPT_LINES) {
							lines.removeFirst();
						}
						if (READY.matcher(line).find()) {
							ready.complete(null);
						}
					}
				}
			}
			catch (IOException e) {
				// Closed when Redis goes; what it said is in lines.
			}
			ready.completeExceptionally(new IllegalStateException(
					"The embedded Redis stopped before it was ready:\n" + String.join("\n", lines)));
		}, "embedded-redis-output");
		reader.setDaemon(true);
		reader.start();
		try {
			ready.get(START_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException e) {
			throw (IllegalStateException) e.getCause();
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("The embedded Redis did not get ready within " + START_WITHIN);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the embedded Redis started", e);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
	}

	/** The running Redis, for tests. */
	synchronized ProcessHandle redis() {
		return redis;
	}

	/** The watchdog (or Redis itself where there is no shell), for tests. */
	synchronized ProcessHandle process() {
		return process.toHandle();
	}
}
