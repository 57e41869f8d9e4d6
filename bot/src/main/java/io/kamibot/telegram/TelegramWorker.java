package io.kamibot.telegram;

import java.time.Duration;
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
 * Processes stored updates one at a time, oldest first: woken when updates arrive, and every second anyway, so
 * updates stored before a restart, or whose processing failed, are picked up.
 */
@Component
@ConditionalOnProperty("kamibot.telegram.token")
class TelegramWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramWorker.class);
	private static final Duration LEASE = Duration.ofMinutes(2);
	private static final Duration RETRY = Duration.ofSeconds(5);

	private final Inbox inbox;
	private final TelegramProcessor processor;
	private final Semaphore wakeUps = new Semaphore(0);
	private volatile Thread thread;
	private volatile boolean running;

	TelegramWorker(Inbox inbox, TelegramProcessor processor) {
		this.inbox = inbox;
		this.processor = processor;
	}

	void wake() {
		wakeUps.release();
	}

	@Override
	public void start() {
		running = true;
		thread = new Thread(this::loop, "telegram-worker");
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		wake();
		Thread current = thread;
		if (current != null) {
			try {
				current.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
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
					wakeUps.drainPermits();
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
