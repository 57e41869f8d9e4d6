package io.kamibot.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a process to end, which may be one this JVM did not start. */
final class ProcessExit {

	private static final Duration ZOMBIE_CHECK = Duration.ofMillis(50);

	private ProcessExit() {
	}

	/**
	 * Whether the process ends within the time. One that ended but was not yet reaped by its parent (a zombie, as a
	 * Redis orphaned to a lax init stays for a while) counts as ended, though Java still calls it alive.
	 */
	static boolean within(ProcessHandle process, Duration time) {
		long deadline = System.nanoTime() + time.toNanos();
		CompletableFuture<ProcessHandle> exit = process.onExit();
		while (process.isAlive() && !zombie(process)) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			try {
				exit.get(Math.min(left, ZOMBIE_CHECK.toNanos()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException e) {
				// Look again whether it is a zombie.
			}
			catch (ExecutionException e) {
				return !process.isAlive();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return !process.isAlive();
			}
		}
		return true;
	}

	private static boolean zombie(ProcessHandle process) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			// pid (command) state ...: the command may hold spaces and parentheses, the state follows the last ')'.
			int end = stat.lastIndexOf(')');
			return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}
}
