package io.kamibot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * How updates reach the shop: a webhook when one is configured (registered here with its secret token at start),
 * else long polling, whose poller hands each batch of updates to {@link TelegramInbound}.
 */
@Component
@OnTelegram
class TelegramConnection implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramConnection.class);

	private final TelegramSettings settings;
	private final TelegramInbound inbound;
	private final TelegramClient client;
	private TelegramBotsLongPollingApplication application;
	private boolean running;

	TelegramConnection(TelegramSettings settings, TelegramInbound inbound, TelegramClient client) {
		this.settings = settings;
		this.inbound = inbound;
		this.client = client;
	}

	@Override
	public synchronized void start() {
		running = true;
		if (settings.webhook()) {
			try {
				client.execute(SetWebhook.builder()
					.url(settings.webhookUrl().toString())
					.secretToken(settings.webhookSecret())
					.build());
			}
			catch (TelegramApiException e) {
				throw new IllegalStateException("Could not set the Telegram webhook", e);
			}
			log.info("Telegram webhook set to {}", settings.webhookUrl());
			return;
		}
		application = new TelegramBotsLongPollingApplication();
		int timeout = Math.toIntExact(settings.pollTimeout().toSeconds());
		try {
			// The poller passes the last update id it received; asking from the next one confirms it to Telegram.
			application.registerBot(settings.token(), settings::telegramUrl,
					lastUpdateId -> GetUpdates.builder().offset(lastUpdateId + 1).timeout(timeout).build(), inbound);
			log.info("Telegram long polling started against {}", settings.apiUrl());
		}
		catch (TelegramApiException e) {
			throw new IllegalStateException("Could not start Telegram long polling", e);
		}
	}

	@Override
	public synchronized void stop() {
		running = false;
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
		return running;
	}

	@Override
	public int getPhase() {
		// Start after the worker (which is in the default phase) and stop before it.
		return Integer.MAX_VALUE - 100;
	}
}
