package io.kamibot.embedded;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.kamibot.KamibotApplication;

/**
 * The app in a child JVM on its own data directory, started as an owner starts it (embedded default, no settings but
 * the admin token) and killable like {@code kill -9}. Its classpath is this JVM's without test classes, which the
 * app's component scan would otherwise pick up, or it is the packaged jar run by the project's script; its output
 * goes to a log file, whose tail failures show.
 */
final class ChildApp implements AutoCloseable {

	private static final Pattern OPEN = Pattern.compile("Kamibot is open: web chat at http://localhost:(\\d+)/");
	private static final Duration STOP_WITHIN = Duration.ofSeconds(30);
	private static final Duration KILL_WITHIN = Duration.ofSeconds(10);

	/**
	 * @param jvmOptions such as {@code -Xmx256m}
	 * @param script {@code null} to run the main class on this JVM's classpath; else the project's {@code kamibot}
	 * script, which runs the packaged jar as an owner does (with {@code jvmOptions} as its {@code KAMIBOT_JAVA_OPTS})
	 * @param linePattern a pattern of a further log line to wait for and keep, or {@code null}
	 */
	record Setup(Path dataDir, Path log, String adminToken, List<String> jvmOptions, Path script, Pattern linePattern,
			Duration startWithin) {

		static Setup of(Path dataDir, Path log, String adminToken) {
			return new Setup(dataDir, log, adminToken, List.of("-Xmx512m"), null, null, Duration.ofSeconds(180));
		}

		Setup withJvm(List<String> options) {
			return new Setup(dataDir, log, adminToken, options, script, linePattern, startWithin);
		}

		Setup withStartWithin(Duration time) {
			return new Setup(dataDir, log, adminToken, jvmOptions, script, linePattern, time);
		}

		Setup withLine(Pattern line) {
			return new Setup(dataDir, log, adminToken, jvmOptions, script, line, startWithin);
		}

		/** Runs the packaged jar through the project's script; fails at once when the jar is missing or stale. */
		Setup packaged() {
			return new Setup(dataDir, log, adminToken, jvmOptions, PackagedApp.script(), linePattern, startWithin);
		}
	}

	private final Setup setup;
	private final Process process;
	private final int port;
	private final Matcher line;
	private final Duration coldStart;

	private ChildApp(Setup setup, Process process, int port, Matcher line, Duration coldStart) {
		this.setup = setup;
		this.process = process;
		this.port = port;
		this.line = line;
		this.coldStart = coldStart;
	}

	/** Starts the app and returns once its web chat answers. */
	static ChildApp start(Setup setup) {
		List<String> command = new ArrayList<>();
		if (setup.script() == null) {
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(setup.jvmOptions());
			command.add("-cp");
			command.add(classpath());
			command.add(KamibotApplication.class.getName());
		}
		else {
			command.add(setup.script().toString());
		}
		// Every buyer here comes from the loopback: the per-address limits against hoarding would stop the load.
		command.addAll(List.of("--server.port=0", "--kamibot.data-dir=" + setup.dataDir(),
				"--kamibot.demo.enabled=false", "--kamibot.webchat.new-chats-per-address=1000000",
				"--kamibot.risk.orders-per-address=1000000"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet()
			.removeIf(name -> name.startsWith("KAMIBOT_") || name.startsWith("SPRING_") || name.equals("SERVER_PORT"));
		environment.put("KAMIBOT_ADMIN_API_TOKEN", setup.adminToken());
		if (setup.script() != null) {
			environment.put("KAMIBOT_JAVA_OPTS", String.join(" ", setup.jvmOptions()));
			environment.put("JAVA_HOME", System.getProperty("java.home"));
		}
		long started = System.nanoTime();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start " + command, e);
		}
		CompletableFuture<Integer> open = new CompletableFuture<>();
		CompletableFuture<Matcher> launched = new CompletableFuture<>();
		if (setup.linePattern() == null) {
			launched.complete(null);
		}
		copyOutput(process, setup, open, launched);
		try {
			long budget = setup.startWithin().toNanos();
			int port = open.get(budget, TimeUnit.NANOSECONDS);
			Matcher line = launched.get(Math.max(1, budget - (System.nanoTime() - started)), TimeUnit.NANOSECONDS);
			new WebBuyer(port, new ConcurrentHashMap<>()).say(WebBuyer.newChatId("probe"), "/help");
			return new ChildApp(setup, process, port, line, Duration.ofNanos(System.nanoTime() - started));
		}
		catch (ExecutionException | TimeoutException | RuntimeException e) {
			killTree(process);
			throw new AssertionError("The app did not start: " + e + "\n" + tail(setup.log(), 80), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			killTree(process);
			throw new IllegalStateException(e);
		}
	}

	int port() {
		return port;
	}

	long pid() {
		return process.pid();
	}

	/** From starting the JVM until the web chat answered. */
	Duration coldStart() {
		return coldStart;
	}

	/** The further log line, when one was asked for. */
	Matcher line() {
		return line;
	}

	boolean alive() {
		return process.isAlive();
	}

	/**
	 * Kills the JVM alone with SIGKILL, as {@code kill -9 <pid>} does, and returns the processes it had started; they
	 * are not killed here, so that the caller can see whether they end on their own.
	 */
	List<ProcessHandle> kill() {
		List<ProcessHandle> started = process.descendants().toList();
		process.destroyForcibly();
		if (!ProcessExit.within(process.toHandle(), KILL_WITHIN)) {
			throw new IllegalStateException("The app (pid " + process.pid() + ") survived SIGKILL");
		}
		return started;
	}

	/** Stops the app as a service manager does (SIGTERM, then SIGKILL for it and all it started). */
	void stop() {
		List<ProcessHandle> started = process.descendants().toList();
		process.destroy();
		if (!ProcessExit.within(process.toHandle(), STOP_WITHIN)) {
			process.destroyForcibly();
		}
		started.forEach(ProcessHandle::destroyForcibly);
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			stop();
		}
	}

	/** A field of {@code /proc/<pid>/status} in kB, such as {@code VmRSS} or {@code VmHWM}; -1 when unknown. */
	long statusKb(String field) {
		try {
			for (String entry : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
				if (entry.startsWith(field + ":")) {
					return Long.parseLong(entry.substring(field.length() + 1).replace("kB", "").strip());
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// Not Linux, or the process is gone.
		}
		return -1;
	}

	String tail(int lines) {
		return tail(setup.log(), lines);
	}

	static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return "--- last " + lines + " lines of " + log + " ---\n"
					+ String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException e) {
			return "(no log at " + log + ": " + e + ")";
		}
	}

	/** Kills the JVM and whatever it started; for cleaning up, when nothing is to be learnt from how they end. */
	static void killTree(Process process) {
		List<ProcessHandle> started = process.descendants().toList();
		process.destroyForcibly();
		started.forEach(ProcessHandle::destroyForcibly);
	}

	private static void copyOutput(Process process, Setup setup, CompletableFuture<Integer> open,
			CompletableFuture<Matcher> launched) {
		Thread copier = new Thread(() -> {
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
					BufferedWriter log = Files.newBufferedWriter(setup.log(), StandardCharsets.UTF_8,
							StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
				log.write("=== " + Instant.now() + " started pid " + process.pid() + "\n");
				for (String text = output.readLine(); text != null; text = output.readLine()) {
					log.write(text);
					log.newLine();
					log.flush();
					Matcher opened = OPEN.matcher(text);
					if (!open.isDone() && opened.find()) {
						open.complete(Integer.parseInt(opened.group(1)));
					}
					if (setup.linePattern() != null && !launched.isDone()) {
						Matcher matched = setup.linePattern().matcher(text);
						if (matched.find()) {
							launched.complete(matched);
						}
					}
				}
				log.write("=== " + Instant.now() + " output of pid " + process.pid() + " ended\n");
			}
			catch (IOException e) {
				// The pipe broke with the process; what was read is in the log.
			}
			IllegalStateException ended = new IllegalStateException("The app's output ended (it exited)");
			open.completeExceptionally(ended);
			launched.completeExceptionally(ended);
		}, "child-app-output-" + process.pid());
		copier.setDaemon(true);
		copier.start();
	}

	private static boolean isTestOutput(String name) {
		return name.equals("test-classes") || name.endsWith("-tests.jar");
	}

	private static String classpath() {
		List<String> entries = new ArrayList<>();
		Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !isTestOutput(Path.of(entry).getFileName().toString()))
			.forEach(entries::add);
		return entries.stream().collect(Collectors.joining(File.pathSeparator));
	}
}
