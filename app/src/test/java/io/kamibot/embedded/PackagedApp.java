package io.kamibot.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The project's {@code kamibot} script and the jar it runs, for benchmarks that start the app as an owner does. The
 * jar comes from {@code ./mvnw -q -DskipTests package}, which a test run does not do before its tests: a jar older
 * than the compiled classes would measure other code, so it is refused with the command that makes a new one.
 */
final class PackagedApp {

	private PackagedApp() {
	}

	static Path script() {
		Path root = root();
		Path jar;
		try (Stream<Path> built = Files.list(root.resolve("app/target"))) {
			jar = built.filter(file -> file.getFileName().toString().matches("kamibot-app-.*(?<!-plain)\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No packaged app in " + root.resolve("app/target") + ": run ./mvnw -q -DskipTests package"));
			FileTime packaged = Files.getLastModifiedTime(jar);
			Optional<Path> newer = newestClass(root).filter(file -> modified(file).compareTo(packaged) > 0);
			if (newer.isPresent()) {
				throw new IllegalStateException(newer.get() + " is newer than " + jar
						+ ": run ./mvnw -q -DskipTests package so that the benchmark measures this code");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return root.resolve("kamibot");
	}

	private static Path root() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isExecutable(dir.resolve("kamibot")) && Files.exists(dir.resolve("mvnw"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No kamibot script above " + Path.of("").toAbsolutePath());
	}

	private static Optional<Path> newestClass(Path root) throws IOException {
		try (Stream<Path> modules = Files.list(root)) {
			return modules.map(module -> module.resolve("target/classes"))
				.filter(Files::isDirectory)
				.flatMap(PackagedApp::files)
				.max(Comparator.comparing(PackagedApp::modified));
		}
	}

	private static Stream<Path> files(Path dir) {
		try (Stream<Path> walked = Files.walk(dir)) {
			return walked.filter(Files::isRegularFile).toList().stream();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
