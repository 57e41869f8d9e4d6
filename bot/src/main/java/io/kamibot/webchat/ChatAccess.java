package io.kamibot.webchat;

import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.ChatTokens;
import org.springframework.stereotype.Component;

/**
 * Who may act as a web chat: only the holder of its token. A chat id the shop has never seen is bound to a new
 * token on its first call. A chat known from before tokens existed is not bound: its id alone is in the database
 * and in admin screens, so the caller could be anyone.
 */
@Component
class ChatAccess {

	private final ChatTokens tokens;

	ChatAccess(ChatTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * Lets a call in: with a token, when it is the chat's; without one, by binding a new chat.
	 *
	 * @return the token this call bound the chat to, or {@code null} when it was bound before
	 * @throws ChatRefused when the token is wrong, or missing for a chat that cannot be bound
	 */
	String admit(String chatId, String token) {
		ChannelIdentity chat = chat(chatId);
		if (token != null && !token.isEmpty()) {
			check(chat, token);
			return null;
		}
		return tokens.bind(chat).orElseThrow(ChatRefused::new);
	}

	/**
	 * Lets a call in only with the chat's token.
	 *
	 * @throws ChatRefused otherwise
	 */
	void check(String chatId, String token) {
		check(chat(chatId), token);
	}

	private void check(ChannelIdentity chat, String token) {
		if (!tokens.verify(chat, token)) {
			throw new ChatRefused();
		}
	}

	private static ChannelIdentity chat(String chatId) {
		return new ChannelIdentity(WebchatOutbox.CHANNEL, chatId);
	}
}
