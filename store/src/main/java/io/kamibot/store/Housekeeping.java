package io.kamibot.store;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's background work, each step between commands: a checkpoint every ten seconds while the journal has
 * records, or sooner when the journal or the unsaved pages grow large (so a restart replays at most that much); a
 * commit of the unsaved pages, without a checkpoint, as soon as they pass half of what would make the MVStore commit
 * them in a command's thread (a checkpoint waits for the commands that run, this does not); and,
 * with the MVStore's own background thread off, moving live pages out of chunks that are mostly dead pages, two
 * megabytes at a time, so the file stays within a few times its live size. Commands go on during both.
 */
final class Housekeeping {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
	private static final int TARGET_FILL_RATE = 50;
	private static final int BYTES_PER_STEP = 2 << 20;
	/** While commands leave unsaved pages: a commit may soon be due. */
	private static final long BUSY_TICK = 50;
	/** With nothing unsaved: the checkpoint's clock and compaction need no more. */
	private static final long IDLE_TICK = 200;
	private static final long COMPACT_EVERY = 200;
	private static final long CHECKPOINT_EVERY = 10_000;

	private final MVStore store;
	private final Durability durability;
	private ScheduledExecutorService timer;
	private long lastCheckpoint = System.nanoTime();
	private long lastCompaction = System.nanoTime();

	Housekeeping(MVStore store, Durability durability) {
		this.store = store;
		this.durability = durability;
	}

	synchronized void start() {
		timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "store-housekeeping");
			thread.setDaemon(true);
			return thread;
		});
		timer.schedule(this::tick, IDLE_TICK, TimeUnit.MILLISECONDS);
	}

	/** One step, then the next: soon while pages wait to be saved, at an idle pace once nothing does. */
	private void tick() {
		step();
		long next = !store.isClosed() && store.getUnsavedMemory() > 0 ? BUSY_TICK : IDLE_TICK;
		try {
			timer.schedule(this::tick, next, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException e) {
			// Stopping.
		}
	}

	synchronized void stop() {
		if (timer != null) {
			// Not shutdownNow: an interrupt in the middle of a file read closes the store's file channel for everyone.
			timer.shutdown();
			try {
				timer.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void step() {
		try {
			if (store.isClosed()) {
				return;
			}
			long sinceLast = (System.nanoTime() - lastCheckpoint) / 1_000_000;
			if (durability.checkpointDue(sinceLast, CHECKPOINT_EVERY)) {
				long started = System.nanoTime();
				durability.checkpoint();
				lastCheckpoint = System.nanoTime();
				log.debug("Checkpoint took {} ms", (lastCheckpoint - started) / 1_000_000);
			}
			else if (durability.commitDue()) {
				durability.commitAhead();
			}
			// Compaction at its own pace: a commit may be due sooner.
			long started = System.nanoTime();
			if ((started - lastCompaction) / 1_000_000 >= COMPACT_EVERY && store.getFileStore() != null
					&& store.getFileStore().getChunksFillRate() < TARGET_FILL_RATE) {
				lastCompaction = started;
				durability.besideCommands(() -> store.compact(TARGET_FILL_RATE, BYTES_PER_STEP));
				log.debug("Compaction step took {} ms", (System.nanoTime() - started) / 1_000_000);
			}
		}
		catch (RuntimeException e) {
			log.warn("The store's background work failed; it will be tried again", e);
		}
	}
}
