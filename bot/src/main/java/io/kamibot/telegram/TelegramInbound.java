package io.kamibot.telegram;

import java.util.List;

import io.kamibot.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where updates arrive. Runs on the poller's thread and returns only when every update is stored in the inbox:
 * the next {@code getUpdates} confirms them to Telegram, so they must be durable by then. Pre-checkout queries
 * are answered here, ahead of the queue, because Telegram waits only 10 seconds for them.
 */
@Component
@OnTelegram
class TelegramInbound implements LongPollingUpdateConsumer {

	private static final Logger log = LoggerFactory.getLogger(TelegramInbound.class);

	private final Inbox inbox;
	private final TelegramJson json;
	private final PreCheckout preCheckout;
	private final TelegramWorker worker;

	TelegramInbound(Inbox inbox, TelegramJson json, PreCheckout preCheckout, TelegramWorker worker) {
		this.inbox = inbox;
		this.json = json;
		this.preCheckout = preCheckout;
		this.worker = worker;
	}

	@Override
	public void consume(List<Update> updates) {
		for (Update update : updates) {
			accept(update);
		}
		worker.wake();
	}

	void accept(Update update) {
		if (update.hasPreCheckoutQuery()) {
			try {
				preCheckout.answer(update.getPreCheckoutQuery());
			}
			catch (RuntimeException e) {
				// No answer means Telegram cancels the payment: the buyer simply tries again.
				log.error("Answering pre-checkout query {} failed", update.getUpdateId(), e);
			}
			return;
		}
		Long chat = chatOf(update);
		if (chat == null) {
			return;
		}
		inbox.accept(TelegramSettings.CHANNEL, String.valueOf(update.getUpdateId()), String.valueOf(chat),
				json.write(update));
	}

	private static Long chatOf(Update update) {
		if (update.hasMessage()) {
			return update.getMessage().getChatId();
		}
		if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
			return update.getCallbackQuery().getMessage().getChatId();
		}
		return null;
	}
}
