package io.kamibot.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.springframework.util.FileSystemUtils;

/**
 * Files that several test classes share (one running shop on disk for a whole package of tests) are kept per test
 * JVM, as the suite runs test classes in two JVMs at once and two JVMs cannot open one store. A test names such a
 * directory {@code <base>-${kamibot.test.jvm}} in its properties and gets the path from {@link #directory}, whose first
 * use, when its class is set up and before any application starts, sets that property to this JVM's process id.
 */
public final class PerJvm {

	public static final String PROPERTY = "kamibot.test.jvm";
	private static final String ID = Long.toString(ProcessHandle.current().pid());
	private static final Set<String> emptied = new HashSet<>();

	static {
		System.setProperty(PROPERTY, ID);
	}

	private PerJvm() {
	}

	/** {@code base} for this JVM: what {@code <base>-${kamibot.test.jvm}} resolves to. */
	public static Path directory(String base) {
		return Path.of(base + "-" + ID);
	}

	/**
	 * Empties this JVM's directory of {@code base} the first time a class sharing it asks (from its
	 * {@code @BeforeAll}, before its shop starts); later classes find the shop the first one started.
	 */
	public static synchronized void emptyOnce(String base) throws IOException {
		if (emptied.add(base)) {
			FileSystemUtils.deleteRecursively(directory(base));
		}
	}
}
