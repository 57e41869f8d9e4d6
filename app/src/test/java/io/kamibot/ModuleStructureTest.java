package io.kamibot;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of {@code io.kamibot} is a module that others use only through its top-level package,
 * and modules depend on each other without cycles.
 */
class ModuleStructureTest {

	/** Production code only: tests (also those in the core's test jar) may drive several modules at once. */
	private static final ImportOption PRODUCTION_CODE = (Location location) -> !location.contains("/test-classes/")
			&& !location.contains("-tests.jar");

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(KamibotApplication.class, PRODUCTION_CODE).verify();
	}
}
