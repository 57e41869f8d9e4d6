package io.kamibot.embedded;

import java.nio.file.Path;

import io.kamibot.embedded.CrashCycles.Cycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps every sale it acknowledged through {@code kill -9}: one kill cycle of
 * {@link CrashCycles} with purchases in flight. {@link CrashBenchmark} runs twenty. The temporary directory, with the
 * app's log, is kept when the test fails.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(300)
class CrashTest {

	private static final int THREADS = 8;

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path work;

	@Test
	void keepsEveryDeliveryABuyerSawAndSellsNoCodeTwiceAfterKillMinus9() throws Exception {
		try (CrashCycles cycles = new CrashCycles(work, THREADS)) {
			Cycle cycle = cycles.run(1);

			String explained = cycle + "\n" + cycles.logTail(60);
			// Proves the checks below looked at real deliveries, and at codes bought after the restart.
			assertThat(cycle.seen()).as(explained).isPositive();
			assertThat(cycle.boughtOut()).as(explained).isPositive();
			assertThat(cycle.orphans()).as("processes that outlived the app: " + explained).isEmpty();
			assertThat(cycle.lost()).as("deliveries lost: " + explained).isEmpty();
			assertThat(cycle.soldTwice()).as("codes sold twice: " + explained).isEmpty();
		}
	}
}
