package io.kamibot.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kamibot.embedded.CrashCycles.Cycle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CrashCycles} many times over on one data directory ({@code kamibot.crash.cycles}, 20 unless set;
 * {@code kamibot.crash.threads} buyers, 8 unless set). Prints a table of the cycles, writes it to
 * {@code target/crash-benchmark.md}, and fails when any cycle lost a delivery, sold a code twice or left a process
 * running. See docs/benchmarks.md for the command.
 */
@Tag("benchmark")
@EnabledOnOs(OS.LINUX)
class CrashBenchmark {

	private static final int CYCLES = Integer.getInteger("kamibot.crash.cycles", 20);
	private static final int THREADS = Integer.getInteger("kamibot.crash.threads", 8);

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path work;

	@Test
	void keepsEveryDeliveryABuyerSawThroughRepeatedKillMinus9() throws Exception {
		List<Cycle> cycles = new ArrayList<>();
		String table;
		try (CrashCycles crash = new CrashCycles(work, THREADS)) {
			try {
				for (int number = 1; number <= CYCLES; number++) {
					cycles.add(crash.run(number));
					System.out.println(line(cycles.get(cycles.size() - 1)));
				}
			}
			finally {
				table = table(cycles);
				System.out.println(table);
				Files.createDirectories(Path.of("target"));
				Files.writeString(Path.of("target", "crash-benchmark.md"), table);
			}
			assertThat(cycles).as(table + "\n" + crash.logTail(60)).allMatch(Cycle::clean);
		}
	}

	private static String table(List<Cycle> cycles) {
		StringBuilder table = new StringBuilder("Kamibot crash benchmark, " + Instant.now() + ": " + cycles.size()
				+ " of " + CYCLES + " kill -9 cycles, " + THREADS + " web chat buyers, embedded default\n\n");
		table.append("| cycle | deliveries seen | lost | codes sold twice | left running | bought out after ")
			.append("| restart |\n");
		table.append("|---|---|---|---|---|---|---|\n");
		cycles.forEach(cycle -> table.append(line(cycle)).append('\n'));
		table.append(String.format(Locale.ROOT, "| all | %d | %d | %d | %d | %d | |%n",
				cycles.stream().mapToInt(Cycle::seen).sum(), cycles.stream().mapToInt(c -> c.lost().size()).sum(),
				cycles.stream().mapToInt(c -> c.soldTwice().size()).sum(),
				cycles.stream().mapToInt(c -> c.orphans().size()).sum(),
				cycles.stream().mapToInt(Cycle::boughtOut).sum()));
		cycles.stream().filter(cycle -> !cycle.clean()).forEach(cycle -> table.append("\ncycle ")
			.append(cycle.number()).append(": lost ").append(cycle.lost()).append("; sold twice ")
			.append(cycle.soldTwice()).append("; left running ").append(cycle.orphans()).append('\n'));
		return table.toString();
	}

	private static String line(Cycle cycle) {
		return String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %.1f s |", cycle.number(), cycle.seen(),
				cycle.lost().size(), cycle.soldTwice().size(), cycle.orphans().size(), cycle.boughtOut(),
				cycle.restart().toMillis() / 1e3);
	}
}
