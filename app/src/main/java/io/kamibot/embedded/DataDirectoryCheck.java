package io.kamibot.embedded;

import java.nio.file.Path;

import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Looks at the data directory again once every bean exists, the embedded server included: {@link Defaults} made
 * it owner-only before anything started, and this makes owner-only whatever a server created there since with the
 * process's umask.
 */
@Component
@ConditionalOnBooleanProperty(Defaults.EMBEDDED)
class DataDirectoryCheck implements SmartInitializingSingleton {

	private final DataDirectory dataDirectory;

	DataDirectoryCheck(@Value("${kamibot.data-dir}") String dataDir) {
		this.dataDirectory = new DataDirectory(Path.of(dataDir), LogFactory.getLog(DataDirectory.class));
	}

	@Override
	public void afterSingletonsInstantiated() {
		dataDirectory.secure();
	}
}
