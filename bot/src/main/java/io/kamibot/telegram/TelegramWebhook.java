package io.kamibot.telegram;

import io.kamibot.vault.Vault;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: Telegram's pushes. The secret-token header is checked in constant time before
 * the body is read (neither TelegramBots webhook module checks it); the update is stored in the inbox before the
 * 200, so a crash after it loses nothing and Telegram's retry of an unanswered push does nothing twice.
 */
@RestController
@ConditionalOnProperty("kamibot.telegram.webhook-url")
class TelegramWebhook {

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private final String secret;
	private final TelegramInbound inbound;
	private final TelegramJson json;
	private final TelegramWorker worker;

	TelegramWebhook(TelegramSettings settings, TelegramInbound inbound, TelegramJson json, TelegramWorker worker) {
		this.secret = settings.webhookSecret();
		this.inbound = inbound;
		this.json = json;
		this.worker = worker;
	}

	@PostMapping("/telegram/webhook")
	ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String presented,
			@RequestBody String body) {
		if (!Vault.constantTimeEquals(presented, secret)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		Update update;
		try {
			update = json.read(body);
		}
		catch (IllegalStateException e) {
			return ResponseEntity.badRequest().build();
		}
		inbound.accept(update);
		worker.wake();
		return ResponseEntity.ok().build();
	}
}
