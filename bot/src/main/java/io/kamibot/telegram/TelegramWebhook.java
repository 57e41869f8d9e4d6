package io.kamibot.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.kamibot.vault.Vault;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: Telegram's pushes. The secret-token header is checked in constant time before
 * the body is read (neither TelegramBots webhook module checks it); the update is stored in the inbox before the
 * 200, so a crash after it loses nothing and Telegram's retry of an unanswered push does nothing twice.
 */
@RestController
@OnTelegram
@ConditionalOnProperty("kamibot.telegram.webhook-url")
class TelegramWebhook {

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
	/** An update is a message of at most 4,096 characters with its entities and keyboard: far below this. */
	static final int MAX_UPDATE_BYTES = 1024 * 1024;

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

	/**
	 * The body is taken as the request, not as a {@code @RequestBody}, which Spring would read before this method
	 * runs: a push without the secret is answered without a byte of its body read.
	 */
	@PostMapping("/telegram/webhook")
	ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String presented,
			HttpServletRequest request) throws IOException {
		if (!Vault.constantTimeEquals(presented, secret)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		byte[] body = request.getInputStream().readNBytes(MAX_UPDATE_BYTES + 1);
		if (body.length > MAX_UPDATE_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		Update update;
		try {
			update = json.read(new String(body, StandardCharsets.UTF_8));
		}
		catch (IllegalStateException e) {
			return ResponseEntity.badRequest().build();
		}
		inbound.accept(update);
		worker.wake();
		return ResponseEntity.ok().build();
	}
}
