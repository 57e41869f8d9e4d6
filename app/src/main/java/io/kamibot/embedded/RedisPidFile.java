package io.kamibot.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Who runs the embedded Redis of a data directory: the Redis process and the app that started it, each with its start
 * time, so that a process id the system has since given to another process is never taken for them. Written once the
 * Redis is up, removed when it stops; one left behind means the app did not get to stop it.
 */
record RedisPidFile(long redisPid, long redisStarted, long appPid, long appStarted) {

	static final String NAME = "redis.pid";
	private static final String DELETED = " (deleted)";

	static RedisPidFile of(ProcessHandle redis, ProcessHandle app) {
		return new RedisPidFile(redis.pid(), started(redis), app.pid(), started(app));
	}

	static Optional<RedisPidFile> read(Path directory) {
		Path file = directory.resolve(NAME);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
			return Optional.of(new RedisPidFile(Long.parseLong(properties.getProperty("redis.pid")),
					Long.parseLong(properties.getProperty("redis.started")),
					Long.parseLong(properties.getProperty("app.pid")),
					Long.parseLong(properties.getProperty("app.started"))));
		}
		catch (IOException | RuntimeException e) {
			// Cut short by a crash while it was written: it names nothing that can be trusted.
			return Optional.empty();
		}
	}

	void write(Path directory) {
		Properties properties = new Properties();
		properties.setProperty("redis.pid", Long.toString(redisPid));
		properties.setProperty("redis.started", Long.toString(redisStarted));
		properties.setProperty("app.pid", Long.toString(appPid));
		properties.setProperty("app.started", Long.toString(appStarted));
		try {
			Path temporary = Files.createTempFile(directory, NAME, ".new");
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				properties.store(writer, "The embedded Redis of this data directory and the app that runs it");
			}
			Files.move(temporary, directory.resolve(NAME), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write " + directory.resolve(NAME), e);
		}
	}

	static void delete(Path directory) {
		try {
			Files.deleteIfExists(directory.resolve(NAME));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot remove " + directory.resolve(NAME), e);
		}
	}

	/** The app that wrote the file, while that very process still runs. */
	Optional<ProcessHandle> liveApp() {
		return live(appPid, appStarted);
	}

	/**
	 * The Redis the file names, while that very process still runs the binary kept in {@code directory}: only then is
	 * it ours to stop. Where that cannot be read ({@code /proc} is Linux's), nothing is.
	 */
	Optional<ProcessHandle> liveRedisIn(Path directory) {
		return live(redisPid, redisStarted).filter(redis -> runsFrom(redis, directory));
	}

	private static Optional<ProcessHandle> live(long pid, long started) {
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> started != -1 && started(p) == started);
	}

	private static boolean runsFrom(ProcessHandle process, Path directory) {
		try {
			String exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "exe")).toString();
			// A binary replaced or removed since it was started still names its old path, marked so.
			Path binary = Path.of(exe.endsWith(DELETED) ? exe.substring(0, exe.length() - DELETED.length()) : exe);
			return directory.toRealPath().equals(binary.getParent());
		}
		catch (IOException | UnsupportedOperationException | SecurityException e) {
			return false;
		}
	}

	private static long started(ProcessHandle process) {
		return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
	}
}
