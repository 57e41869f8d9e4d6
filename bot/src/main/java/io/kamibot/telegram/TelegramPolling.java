package io.kamibot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Long polling: TelegramBots' poller hands each batch of updates to {@link TelegramInbound}. */
@Component
@ConditionalOnProperty("kamibot.telegram.token")
class TelegramPolling implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

	private final TelegramSettings settings;
	private final TelegramInbound inbound;
	private TelegramBotsLongPollingApplication application;

	TelegramPolling(TelegramSettings settings, TelegramInbound inbound) {
		this.settings = settings;
		this.inbound = inbound;
	}

	@Override
	public synchronized void start() {
		application = new TelegramBotsLongPollingApplication();
		int timeout = Math.toIntExact(settings.pollTimeout().toSeconds());
		try {
			application.registerBot(settings.token(), settings::telegramUrl,
					offset -> GetUpdates.builder().offset(offset).timeout(timeout).build(), inbound);
			log.info("Telegram long polling started against {}", settings.apiUrl());
		}
		catch (TelegramApiException e) {
			throw new IllegalStateException("Could not start Telegram long polling", e);
		}
	}

	@Override
	public synchronized void stop() {
		if (application != null) {
			try {
				application.close();
			}
			catch (Exception e) {
				log.warn("Stopping Telegram long polling failed", e);
			}
			application = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return application != null;
	}

	@Override
	public int getPhase() {
		// Start after the worker (which is in the default phase) and stop before it.
		return Integer.MAX_VALUE - 100;
	}
}
