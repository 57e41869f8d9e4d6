package io.kamibot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each direct sub-package of {@code io.kamibot} is a module that others use only through its top-level package (or
 * a named interface it declares), and modules depend on each other without cycles. The module documentation in
 * {@code docs/modules} is what {@link Documenter} makes of the code; this fails when it is stale (rewrite it with
 * {@code -Dkamibot.modules.write=true}, see docs/design.md).
 */
class ModuleStructureTest {

	/** Production code only: tests (also those in the core's test jar) may drive several modules at once. */
	private static final ImportOption PRODUCTION_CODE = (Location location) -> !location.contains("/test-classes/")
			&& !location.contains("-tests.jar");

	private static final ApplicationModules MODULES = ApplicationModules.of(KamibotApplication.class, PRODUCTION_CODE);

	private static final Path COMMITTED = Path.of("..", "docs", "modules");

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	/**
	 * Once placed, an order is moved by the features whose business that is: payment (paid, held, refunded), risk
	 * (approved, turned down) and delivery (delivered, back-ordered). A chat handler, a job or an HTTP endpoint asks
	 * those features; none moves an order itself.
	 */
	@Test
	void onlyPaymentReviewAndDeliveryMoveOrders() {
		assertThat(usersOf("ordering", "transitions")).containsExactlyInAnyOrder("payment", "risk", "delivery");
	}

	@Test
	void theCommittedModuleDocumentationIsCurrent() throws IOException {
		Path generated = Path.of("target", "modules");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeDocumentation();
		if (Boolean.getBoolean("kamibot.modules.write")) {
			replace(COMMITTED, generated);
		}
		assertThat(files(COMMITTED)).as("files in docs/modules").isEqualTo(files(generated));
		for (String file : files(generated)) {
			assertThat(lines(COMMITTED.resolve(file))).as("docs/modules/" + file + " is current")
				.isEqualTo(lines(generated.resolve(file)));
		}
	}

	/**
	 * A file's lines in any order, a table cell's {@code |} taken off: the Documenter lists modules, relations and
	 * events in the order the classes were found, which differs between a build of the module and of the whole
	 * reactor (classes folders or jars). What changes with the code, a module, a relation, a listener, still shows.
	 */
	private static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file).stream().map(line -> line.startsWith("|") ? line.substring(1) : line).sorted()
			.toList();
	}

	private static Set<String> usersOf(String module, String namedInterface) {
		ApplicationModule target = MODULES.getModuleByName(module).orElseThrow();
		NamedInterface api = target.getNamedInterfaces().getByName(namedInterface).orElseThrow();
		return MODULES.stream()
			.filter(user -> !user.equals(target))
			.filter(user -> user.getDirectDependencies(MODULES).stream()
				.anyMatch(dependency -> api.contains(dependency.getTargetType())))
			.map(user -> user.getIdentifier().toString())
			.collect(Collectors.toSet());
	}

	private static Set<String> files(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return Set.of();
		}
		try (Stream<Path> listed = Files.list(folder)) {
			return listed.map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private static void replace(Path committed, Path generated) throws IOException {
		Files.createDirectories(committed);
		for (String stale : files(committed)) {
			Files.delete(committed.resolve(stale));
		}
		for (String file : files(generated)) {
			Files.copy(generated.resolve(file), committed.resolve(file));
		}
	}
}
