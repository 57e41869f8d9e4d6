package io.kamibot.redeem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time of each thread of this JVM as Linux counts it ({@code /proc/self/task}: user and system time, the
 * JVM's own GC and compiler threads included), so a benchmark can say which threads a run's CPU went to. Threads are
 * grouped by name with the digits taken out ({@code http-nio-N-exec-N}); Linux keeps the first 15 characters.
 */
final class ThreadCpu {

	/** Thread id → [group, user ticks, system ticks]. */
	private final Map<String, Object[]> threads;

	private ThreadCpu(Map<String, Object[]> threads) {
		this.threads = threads;
	}

	static ThreadCpu now() {
		Map<String, Object[]> threads = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			tasks.forEach(task -> {
				try {
					String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "N");
					String stat = Files.readString(task.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					threads.put(task.getFileName().toString(),
							new Object[] { name, Long.parseLong(fields[11]), Long.parseLong(fields[12]) });
				}
				catch (IOException | RuntimeException e) {
					// The thread ended while it was read: its time is left out.
				}
			});
		}
		catch (IOException e) {
			return new ThreadCpu(Map.of());
		}
		return new ThreadCpu(threads);
	}

	/** Each group's CPU since {@code before}, in µs per operation, largest first: {@code group 123 µs (sys 45)}. */
	String since(ThreadCpu before, int operations) {
		Map<String, long[]> groups = new HashMap<>();
		threads.forEach((id, now) -> {
			Object[] then = before.threads.get(id);
			long user = (long) now[1] - (then == null ? 0 : (long) then[1]);
			long system = (long) now[2] - (then == null ? 0 : (long) then[2]);
			long[] sum = groups.computeIfAbsent((String) now[0], g -> new long[2]);
			sum[0] += user + system;
			sum[1] += system;
		});
		double microsPerTick = 1e6 / 100;
		return groups.entrySet().stream().filter(e -> e.getValue()[0] > 0)
			.sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
			.limit(14)
			.map(e -> String.format("%s %,.0f µs (sys %,.0f)", e.getKey(), e.getValue()[0] * microsPerTick / operations,
					e.getValue()[1] * microsPerTick / operations))
			.collect(Collectors.joining("; "));
	}
}
