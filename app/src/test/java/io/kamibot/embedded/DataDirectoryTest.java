package io.kamibot.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

	@TempDir
	Path parent;

	private final List<String> warnings = new ArrayList<>();

	@Test
	void createsTheDirectoryAndTheDatabaseFileOwnerOnly() throws IOException {
		Path dir = parent.resolve("data");
		DataDirectory data = new DataDirectory(dir, log());

		data.secure();
		data.ownerOnlyFile(DataDirectory.DATABASE);

		assertThat(mode(dir)).isEqualTo("rwx------");
		assertThat(mode(dir.resolve("kamibot.mv"))).isEqualTo("rw-------");
		assertThat(Files.size(dir.resolve("kamibot.mv"))).isZero();
		assertThat(warnings).isEmpty();
	}

	@Test
	void tightensWhatItFindsLooserAndSaysWhatChanged() throws IOException {
		Path dir = Files.createDirectory(parent.resolve("data"));
		Path database = Files.writeString(dir.resolve("kamibot.mv"), "h2");
		Path script = Files.writeString(dir.resolve("backup.sh"), "#!/bin/sh");
		Path tight = Files.writeString(dir.resolve("secrets.key"), "k");
		chmod(dir, "rwxr-xr-x");
		chmod(database, "rw-r--r--");
		chmod(script, "rwxrwxr-x");
		chmod(tight, "rw-------");

		new DataDirectory(dir, log()).secure();

		assertThat(mode(dir)).isEqualTo("rwx------");
		assertThat(mode(database)).isEqualTo("rw-------");
		assertThat(mode(script)).as("the owner keeps what it had").isEqualTo("rwx------");
		assertThat(mode(tight)).isEqualTo("rw-------");
		assertThat(warnings).hasSize(3)
			.anyMatch(w -> w.contains("kamibot.mv") && w.contains("rw-r--r--") && w.contains("now rw-------"))
			.noneMatch(w -> w.contains("secrets.key"));
	}

	@Test
	void leavesSymbolicLinksAndDeeperEntriesAlone() throws IOException {
		Path dir = Files.createDirectory(parent.resolve("data"));
		Path outside = Files.writeString(parent.resolve("outside.txt"), "not the shop's");
		chmod(outside, "rw-r--r--");
		Files.createSymbolicLink(dir.resolve("link"), outside);
		Path nested = Files.createDirectory(dir.resolve("nested"));
		Path deeper = Files.writeString(nested.resolve("file"), "x");
		chmod(deeper, "rw-r--r--");

		new DataDirectory(dir, log()).secure();

		assertThat(mode(outside)).isEqualTo("rw-r--r--");
		assertThat(mode(nested)).isEqualTo("rwx------");
		assertThat(mode(deeper)).isEqualTo("rw-r--r--");
	}

	@Test
	void preparesTheDataDirectoryBeforeAnyBeanStartsAndLogsThroughBoot() throws IOException {
		Path dir = Files.createDirectory(parent.resolve("data"));
		chmod(dir, "rwxr-xr-x");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("kamibot.data-dir", dir.toString())));

		new Defaults(destination -> log()).postProcessEnvironment(environment, null);

		assertThat(warnings).singleElement().asString().contains(dir.toString(), "rwxr-xr-x");
		assertThat(mode(dir)).isEqualTo("rwx------");
		assertThat(mode(dir.resolve("kamibot.mv"))).isEqualTo("rw-------");
		assertThat(mode(dir.resolve("secrets.key"))).isEqualTo("rw-------");
		assertThat(mode(dir.resolve("admin-token"))).isEqualTo("rw-------");
	}

	private NoOpLog log() {
		return new NoOpLog() {
			@Override
			public void warn(Object message) {
				warnings.add(String.valueOf(message));
			}
		};
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	private static void chmod(Path path, String mode) throws IOException {
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
	}
}
