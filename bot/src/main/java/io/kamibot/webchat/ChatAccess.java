package io.kamibot.webchat;

import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.ChatTokens;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Who may act as a web chat: only the holder of its token. A chat id the shop has never seen is bound to a new
 * token on its first call, within a limit of new chats per client address (a Redisson rate limiter, so every
 * instance counts against the same budget). A chat known from before tokens existed is not bound: its id alone is
 * in the database and in admin screens, so the caller could be anyone.
 */
@Component
@EnableConfigurationProperties(WebchatSettings.class)
class ChatAccess {

	private final ChatTokens tokens;
	private final RedissonClient redis;
	private final WebchatSettings settings;

	ChatAccess(ChatTokens tokens, RedissonClient redis, WebchatSettings settings) {
		this.tokens = tokens;
		this.redis = redis;
		this.settings = settings;
	}

	/**
	 * Lets a call in: with a token, when it is the chat's; without one, by binding a new chat.
	 *
	 * @param address the client address, for the limit of new chats
	 * @return the token this call bound the chat to, or {@code null} when it was bound before
	 * @throws ChatRefused when the token is wrong, or missing for a chat that cannot be bound
	 * @throws TooManyNewChats when the address may start no more chats for now
	 */
	String admit(String chatId, String token, String address) {
		ChannelIdentity chat = chat(chatId);
		if (token != null && !token.isEmpty()) {
			check(chat, token);
			return null;
		}
		RRateLimiter newChats = redis.getRateLimiter("kamibot:webchat:new-chats:" + address);
		newChats.trySetRate(RateType.OVERALL, settings.newChatsPerAddress(), settings.window(),
				settings.window().multipliedBy(2));
		if (!newChats.tryAcquire()) {
			throw new TooManyNewChats(settings.newChatsPerAddress());
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
