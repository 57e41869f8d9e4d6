package io.kamibot.telegram;

import io.kamibot.conversation.ChannelOutbox;
import io.kamibot.conversation.Reply;
import org.springframework.stereotype.Component;

/** Messages to a Telegram chat outside a conversation turn (a delivery): straight through the sender. */
@Component
@OnTelegram
class TelegramOutbox implements ChannelOutbox {

	private final TelegramSender sender;

	TelegramOutbox(TelegramSender sender) {
		this.sender = sender;
	}

	@Override
	public String channel() {
		return TelegramSettings.CHANNEL;
	}

	@Override
	public void send(String chatId, Reply reply) {
		sender.send(chatId, reply);
	}
}
