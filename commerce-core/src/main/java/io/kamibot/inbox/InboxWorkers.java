package io.kamibot.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few threads that process one channel's stored updates, oldest first and one at a time per chat (the inbox
 * hands out a chat's next update only when the one before is done), so a chat that has to wait holds up no other.
 * Woken when updates arrive, and every second anyway, so updates stored before a restart, or whose processing
 * failed, are picked up. A channel makes one and ties {@link #start()} and {@link #stop()} to its lifecycle.
 */
public final class InboxWorkers {

	private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);
	private static final Duration LEASE = Duration.ofMinutes(2);
	private static final Duration RETRY = Duration.ofSeconds(5);

	private final Inbox inbox;
	private final String channel;
	private final int threads;
	private final Consumer<InboxItem> processor;
	private final Semaphore wakeUps = new Semaphore(0);
	private final List<Thread> workers = new ArrayList<>();
	private volatile boolean running;

	/**
	 * @param processor does what one update asks; throwing makes the update come back after a pause (and parks it
	 *     after {@value Inbox#MAX_ATTEMPTS} attempts)
	 */
	public InboxWorkers(Inbox inbox, String channel, int threads, Consumer<InboxItem> processor) {
		this.inbox = inbox;
		this.channel = channel;
		this.threads = threads;
		this.processor = processor;
	}

	/** Updates arrived: look now rather than at the next tick. */
	public void wake() {
		// Enough for every thread to look once; more would only make idle threads spin.
		if (wakeUps.availablePermits() < threads) {
			wakeUps.release(threads);
		}
	}

	public synchronized void start() {
		running = true;
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(this::loop, channel + "-worker-" + i);
			workers.add(worker);
			worker.start();
		}
	}

	public synchronized void stop() {
		running = false;
		wakeUps.release(threads);
		for (Thread worker : workers) {
			try {
				worker.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		workers.clear();
	}

	public boolean isRunning() {
		return running;
	}

	private void loop() {
		while (running) {
			try {
				Optional<InboxItem> next = inbox.claim(channel, LEASE);
				if (next.isPresent()) {
					process(next.get());
				}
				else {
					wakeUps.tryAcquire(1, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.error("A {} worker failed to claim an update; retrying", channel, e);
				sleepQuietly();
			}
		}
	}

	private void process(InboxItem item) {
		try {
			processor.accept(item);
			inbox.done(item);
		}
		catch (RuntimeException e) {
			log.error("Processing {} update {} failed (attempt {})", channel, item.id(), item.attempts(), e);
			inbox.failed(item, RETRY);
		}
	}

	private static void sleepQuietly() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
