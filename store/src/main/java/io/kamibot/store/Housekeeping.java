package io.kamibot.store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With its own commits off, the MVStore no longer tidies its file in the background; this does, a little at a time
 * between commands: live pages are moved out of mostly-empty chunks so the file stops growing with every sale.
 */
final class Housekeeping {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
	private static final int TARGET_FILL_RATE = 60;
	private static final int BYTES_PER_STEP = 1 << 20;

	private final MVStore store;
	private final GroupCommit commits;
	private ScheduledExecutorService timer;

	Housekeeping(MVStore store, GroupCommit commits) {
		this.store = store;
		this.commits = commits;
	}

	synchronized void start() {
		timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "store-housekeeping");
			thread.setDaemon(true);
			return thread;
		});
		timer.scheduleWithFixedDelay(this::step, 10, 10, TimeUnit.SECONDS);
	}

	synchronized void stop() {
		if (timer != null) {
			timer.shutdownNow();
		}
	}

	private void step() {
		try {
			if (!store.isClosed() && store.getFillRate() < TARGET_FILL_RATE) {
				commits.exclusively(() -> store.compact(TARGET_FILL_RATE, BYTES_PER_STEP));
			}
		}
		catch (RuntimeException e) {
			log.warn("Tidying the store file failed; it will be tried again", e);
		}
	}
}
