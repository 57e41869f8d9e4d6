package io.kamibot.webchat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.Conversation;
import io.kamibot.conversation.Inbound;
import io.kamibot.conversation.Reply;
import io.kamibot.webchat.WebchatMessages.ButtonPress;
import io.kamibot.webchat.WebchatMessages.Replies;
import io.kamibot.webchat.WebchatMessages.TextMessage;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The web chat's HTTP side. The chat id is the identity: the page makes a long random one and keeps it.
 * Each answer carries the direct replies and then whatever the outbox holds for the chat (a delivery that the
 * request itself caused, for instance).
 */
@RestController
@RequestMapping("/api/webchat/{chatId}")
class WebchatController {

	private static final Pattern CHAT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Conversation conversation;
	private final WebchatOutbox outbox;

	WebchatController(Conversation conversation, WebchatOutbox outbox) {
		this.conversation = conversation;
		this.outbox = outbox;
	}

	@PostMapping("/messages")
	Replies message(@PathVariable String chatId, @RequestBody TextMessage message) {
		checkChatId(chatId);
		if (message == null || message.text() == null || message.text().length() > Inbound.MAX_TEXT) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"text is required and may have at most " + Inbound.MAX_TEXT + " characters");
		}
		return answer(chatId, Inbound.message(WebchatOutbox.CHANNEL, chatId, chatId, message.text()));
	}

	@PostMapping("/callbacks")
	Replies button(@PathVariable String chatId, @RequestBody ButtonPress press) {
		checkChatId(chatId);
		if (press == null || press.data() == null || press.data().isEmpty()
				|| press.data().getBytes(StandardCharsets.UTF_8).length > Button.MAX_DATA_BYTES) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"data is required and may have at most " + Button.MAX_DATA_BYTES + " bytes");
		}
		return answer(chatId, Inbound.button(WebchatOutbox.CHANNEL, chatId, chatId, press.data()));
	}

	@GetMapping("/messages")
	Replies waiting(@PathVariable String chatId) {
		checkChatId(chatId);
		return Replies.of(outbox.take(chatId));
	}

	private Replies answer(String chatId, Inbound inbound) {
		List<Reply> replies = new ArrayList<>(conversation.handle(inbound));
		replies.addAll(outbox.take(chatId));
		return Replies.of(replies);
	}

	private static void checkChatId(String chatId) {
		if (!CHAT_ID.matcher(chatId).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "chatId must be 1-64 characters of A-Za-z0-9_-");
		}
	}
}
