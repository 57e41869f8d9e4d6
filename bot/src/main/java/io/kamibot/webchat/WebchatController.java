package io.kamibot.webchat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.Conversation;
import io.kamibot.conversation.Inbound;
import io.kamibot.conversation.Reply;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import io.kamibot.webchat.WebchatMessages.ButtonPress;
import io.kamibot.webchat.WebchatMessages.Replies;
import io.kamibot.webchat.WebchatMessages.TextMessage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The web chat's HTTP side. A chat is its id plus the secret token the first call was answered with
 * ({@code chatToken}); every later call sends the token in {@value #TOKEN}, or is refused with 401 and does nothing.
 * Each answer carries the direct replies and then whatever the outbox holds for the chat (a delivery that the
 * request itself caused, for instance).
 */
@RestController
@RequestMapping("/api/webchat/{chatId}")
class WebchatController {

	static final String TOKEN = "X-Chat-Token";
	private static final Pattern CHAT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Conversation conversation;
	private final WebchatOutbox outbox;
	private final ChatAccess access;
	private final ClientAddresses addresses;
	private final Texts texts;

	WebchatController(Conversation conversation, WebchatOutbox outbox, ChatAccess access, ClientAddresses addresses,
			Texts texts) {
		this.conversation = conversation;
		this.outbox = outbox;
		this.access = access;
		this.addresses = addresses;
		this.texts = texts;
	}

	@PostMapping("/messages")
	Replies message(@PathVariable String chatId, @RequestHeader(name = TOKEN, required = false) String token,
			@RequestBody TextMessage message, HttpServletRequest request) {
		checkChatId(chatId);
		if (message == null || message.text() == null || message.text().length() > Inbound.MAX_TEXT) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"text is required and may have at most " + Inbound.MAX_TEXT + " characters");
		}
		return answer(chatId, token, request, Inbound.message(WebchatOutbox.CHANNEL, chatId, chatId, message.text()));
	}

	@PostMapping("/callbacks")
	Replies button(@PathVariable String chatId, @RequestHeader(name = TOKEN, required = false) String token,
			@RequestBody ButtonPress press, HttpServletRequest request) {
		checkChatId(chatId);
		if (press == null || press.data() == null || press.data().isEmpty()
				|| press.data().getBytes(StandardCharsets.UTF_8).length > Button.MAX_DATA_BYTES) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"data is required and may have at most " + Button.MAX_DATA_BYTES + " bytes");
		}
		return answer(chatId, token, request, Inbound.button(WebchatOutbox.CHANNEL, chatId, chatId, press.data()));
	}

	@GetMapping("/messages")
	Replies waiting(@PathVariable String chatId, @RequestHeader(name = TOKEN, required = false) String token) {
		checkChatId(chatId);
		access.check(chatId, token);
		return Replies.of(outbox.take(chatId), null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(ChatRefused e, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, TOKEN)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, say(request, Text.WEBCHAT_REFUSED)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyChats(TooManyNewChats e, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					say(request, Text.WEBCHAT_TOO_MANY_CHATS)));
	}

	private Replies answer(String chatId, String token, HttpServletRequest request, Inbound inbound) {
		String address = addresses.of(request);
		String bound = access.admit(chatId, token, address);
		List<Reply> replies = new ArrayList<>(conversation.handle(inbound.from(address)));
		replies.addAll(outbox.take(chatId));
		return Replies.of(replies, bound);
	}

	/** A refused caller has no chat whose language we may use: the browser's, when it says. */
	private String say(HttpServletRequest request, Text text) {
		Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Texts.LOCALES.get(0)
				: Texts.supported(request.getLocale().toLanguageTag());
		return texts.render(locale, text);
	}

	private static void checkChatId(String chatId) {
		if (!CHAT_ID.matcher(chatId).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "chatId must be 1-64 characters of A-Za-z0-9_-");
		}
	}
}
