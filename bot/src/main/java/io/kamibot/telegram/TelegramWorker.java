package io.kamibot.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.kamibot.inbox.Inbox;
import io.kamibot.inbox.InboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Processes stored updates on a few threads, oldest first and one at a time per chat (the inbox hands out a chat's
 * next update only when the one before is done), so a chat that has to wait (a 429, its rate limit) holds up no
 * other. Woken when updates arrive, and every second anyway, so updates stored before a restart, or whose
 * processing failed, are picked up.
 */
@Component
@ConditionalOnProperty("kamibot.telegram.token")
class TelegramWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramWorker.class);
	private static final Duration LEASE = Duration.ofMinutes(2);
	private static final Duration RETRY = Duration.ofSeconds(5);

	private final Inbox inbox;
	private final TelegramProcessor processor;
	private final int threads;
	private final Semaphore wakeUps = new Semaphore(0);
	private final List<Thread> workers = new ArrayList<>();
	private volatile boolean running;

	TelegramWorker(Inbox inbox, TelegramProcessor processor, TelegramSettings settings) {
		this.inbox = inbox;
		this.processor = processor;
		this.threads = settings.workers();
	}

	void wake() {
		// Enough for every thread to look once; more would only make idle threads spin.
		if (wakeUps.availablePermits() < threads) {
			wakeUps.release(threads);
		}
	}

	@Override
	public synchronized void start() {
		running = true;
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(this::loop, "telegram-worker-" + i);
			workers.add(worker);
			worker.start();
		}
	}

	@Override
	public synchronized void stop() {
		running = false;
		wake();
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

	@Override
	public boolean isRunning() {
		return running;
	}

	private void loop() {
		while (running) {
			try {
				Optional<InboxItem> next = inbox.claim(TelegramSettings.CHANNEL, LEASE);
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
				log.error("The Telegram worker failed to claim an update; retrying", e);
				sleepQuietly();
			}
		}
	}

	private void process(InboxItem item) {
		try {
			processor.process(item.payload());
			inbox.done(item);
		}
		catch (RuntimeException e) {
			log.error("Processing Telegram update {} failed (attempt {})", item.id(), item.attempts(), e);
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
