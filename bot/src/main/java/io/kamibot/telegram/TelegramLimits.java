package io.kamibot.telegram;

import java.time.Duration;

import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Telegram's sending limits, shared by every instance through Redis: about one message a second per private chat
 * (short bursts of three are fine), 20 a minute per group, 30 a second for the whole bot (each a setting, see
 * {@link TelegramSettings}). Waiting for one chat's turn holds up only the worker serving that chat. A limiter keeps
 * the pace it was created with until it has been idle for {@link #FORGET_IDLE_CHATS}.
 */
@Component
@OnTelegram
class TelegramLimits {

	private static final Duration FORGET_IDLE_CHATS = Duration.ofMinutes(10);

	private final RedissonClient redis;
	private final RRateLimiter overall;
	private final Pace privateChat;
	private final Pace group;

	TelegramLimits(RedissonClient redis, TelegramSettings settings) {
		this.redis = redis;
		this.privateChat = Pace.parse(settings.privateChatPace());
		this.group = Pace.parse(settings.groupPace());
		Pace all = Pace.parse(settings.overallPace());
		this.overall = redis.getRateLimiter("kamibot:telegram:rate:overall");
		overall.trySetRate(RateType.OVERALL, all.messages(), all.window());
	}

	/** The Redis key of a chat's limiter, for callers that take a chat's turn themselves (the alert dispatcher). */
	static String chatKey(String chatId) {
		return "kamibot:telegram:rate:chat:" + chatId;
	}

	/** Blocks until the bot as a whole may send; for messages whose chat turn was taken already. */
	void awaitOverall() {
		overall.acquire();
	}

	/** Blocks until a message may go to the chat. */
	void awaitTurn(String chatId) {
		RRateLimiter chat = redis.getRateLimiter(chatKey(chatId));
		// Group and channel ids are negative.
		Pace pace = chatId.startsWith("-") ? group : privateChat;
		chat.trySetRate(RateType.OVERALL, pace.messages(), pace.window(), FORGET_IDLE_CHATS);
		chat.acquire();
		overall.acquire();
	}
}
