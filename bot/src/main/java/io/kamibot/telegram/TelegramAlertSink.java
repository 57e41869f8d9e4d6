package io.kamibot.telegram;

import java.util.List;

import io.kamibot.adminchat.AlertTexts;
import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertSink;
import io.kamibot.conversation.Reply;
import org.springframework.stereotype.Component;

/**
 * Sends alerts to Telegram admin groups (chats registered with {@code /admin_register}), with their buttons. The
 * dispatcher takes each message's turn from the same per-chat limiter the rest of the bot uses, so alerts and
 * command replies together stay within a group's 20 messages a minute.
 */
@Component
@OnTelegram
class TelegramAlertSink implements AlertSink {

	private final TelegramSender sender;
	private final AlertTexts texts;

	TelegramAlertSink(TelegramSender sender, AlertTexts texts) {
		this.sender = sender;
		this.texts = texts;
	}

	@Override
	public String channel() {
		return TelegramSettings.CHANNEL;
	}

	@Override
	public String rateKey(String target) {
		return TelegramLimits.chatKey(target);
	}

	@Override
	public void send(String target, Alert alert) {
		if (alert.image() != null) {
			sender.sendPhotoWithinTurn(target, alert.image(), texts.text(alert), texts.buttons(alert));
		}
		else {
			sender.sendWithinTurn(target, Reply.withButtons(texts.text(alert), texts.buttons(alert)));
		}
	}

	@Override
	public void sendDigest(String target, List<Alert> alerts) {
		// 4096 bytes are at most 4096 characters: one message.
		sender.sendWithinTurn(target, Reply.text(texts.digest(alerts, TelegramSender.MAX_TEXT)));
	}
}
