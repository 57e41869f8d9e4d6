package io.kamibot.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.logging.Log;

/**
 * The data directory holds the database (whose web-chat ids act as buyers), the secrets key and the admin token, so
 * only the shop's own user may read it: the directory is created {@code rwx------} and its files
 * {@code rw-------}. Found looser at start, the directory and the entries directly in it lose their group and
 * other permissions (the owner's stay, as a umask of 077 would have left them), and each change is logged. Symbolic
 * links are left alone, and nothing deeper is touched, so a data directory pointed at the wrong place is not
 * rewritten wholesale. On a file system without POSIX permissions (Windows) nothing is done.
 */
final class DataDirectory {

	/** The embedded server's H2 file, created here before the server opens it (H2 writes into an empty file). */
	static final String DATABASE = "kamibot.mv";

	private static final FileAttribute<Set<PosixFilePermission>> DIRECTORY_MODE = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
	private static final FileAttribute<Set<PosixFilePermission>> FILE_MODE = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
	private static final Set<PosixFilePermission> LOOSE = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private final Path dir;
	private final Log log;

	DataDirectory(Path dir, Log log) {
		this.dir = dir;
		this.log = log;
	}

	/** Creates the directory owner-only, or makes it and its entries owner-only if they are not. */
	void secure() {
		try {
			if (!Files.isDirectory(dir)) {
				Files.createDirectories(dir.getParent());
				try {
					Files.createDirectory(dir, DIRECTORY_MODE);
				}
				catch (UnsupportedOperationException e) {
					Files.createDirectory(dir);
				}
				catch (FileAlreadyExistsException e) {
					// Another instance made it at the same moment; tightened below like any found directory.
				}
			}
			tighten(dir);
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
				for (Path entry : entries) {
					tighten(entry);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot prepare the data directory " + dir, e);
		}
	}

	/** Creates the file empty and owner-only unless it exists; what is written into it later keeps that mode. */
	void ownerOnlyFile(String name) {
		Path file = dir.resolve(name);
		try {
			Files.createFile(file, FILE_MODE);
		}
		catch (FileAlreadyExistsException e) {
			// Made before: secure() saw to its mode.
		}
		catch (UnsupportedOperationException e) {
			// Not a POSIX file system: the server creates the file itself.
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create " + file, e);
		}
	}

	private void tighten(Path path) {
		try {
			if (Files.isSymbolicLink(path)) {
				return;
			}
			Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
			Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
			owner.addAll(now);
			owner.removeAll(LOOSE);
			if (!owner.equals(now)) {
				Files.setPosixFilePermissions(path, owner);
				log.warn("Data directory: " + path + " was open to others (" + PosixFilePermissions.toString(now)
						+ "), now " + PosixFilePermissions.toString(owner));
			}
		}
		catch (UnsupportedOperationException e) {
			// Not a POSIX file system (Windows): the directory's own protection applies.
		}
		catch (IOException e) {
			// Not ours to change (another owner): say so loudly rather than refuse to start.
			log.warn("Data directory: cannot make " + path + " owner-only (" + e.getClass().getSimpleName()
					+ "); make it readable by the shop's user only");
		}
	}
}
