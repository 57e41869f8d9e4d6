package io.kamibot.telegram;

import io.kamibot.inbox.Inbox;
import io.kamibot.inbox.InboxWorkers;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Processes stored Telegram updates on a few threads, one at a time per chat, so a chat that has to wait (a 429,
 * its rate limit) holds up no other.
 */
@Component
@OnTelegram
class TelegramWorker implements SmartLifecycle {

	private final InboxWorkers workers;

	TelegramWorker(Inbox inbox, TelegramProcessor processor, TelegramSettings settings) {
		this.workers = new InboxWorkers(inbox, TelegramSettings.CHANNEL, settings.workers(),
				item -> processor.process(item.payload()));
	}

	void wake() {
		workers.wake();
	}

	@Override
	public void start() {
		workers.start();
	}

	@Override
	public void stop() {
		workers.stop();
	}

	@Override
	public boolean isRunning() {
		return workers.isRunning();
	}
}
