package io.kamibot.embedded;

import java.nio.file.Path;

/** Another app, still running, keeps its embedded Redis in this data directory: two shops cannot share one. */
class DataDirectoryInUse extends IllegalStateException {

	DataDirectoryInUse(Path dataDir, long otherApp) {
		super("The data directory " + dataDir + " is in use by another running Kamibot (process " + otherApp
				+ "); stop that one first, or give this one its own KAMIBOT_DATA_DIR");
	}
}
