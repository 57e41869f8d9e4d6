package io.kamibot.telegram;

import java.time.Duration;

import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Telegram's sending limits, shared by every instance through Redis: about one message a second per private chat
 * (short bursts of three are fine), 20 a minute per group, 30 a second for the whole bot. Waiting for one chat's
 * turn holds up only the worker serving that chat.
 */
@Component
@OnTelegram
class TelegramLimits {

	private static final Duration FORGET_IDLE_CHATS = Duration.ofMinutes(10);

	private final RedissonClient redis;
	private final RRateLimiter overall;

	TelegramLimits(RedissonClient redis) {
		this.redis = redis;
		this.overall = redis.getRateLimiter("kamibot:telegram:rate:overall");
		overall.trySetRate(RateType.OVERALL, 30, Duration.ofSeconds(1));
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
		if (chatId.startsWith("-")) {
			chat.trySetRate(RateType.OVERALL, 20, Duration.ofMinutes(1), FORGET_IDLE_CHATS);
		}
		else {
			chat.trySetRate(RateType.OVERALL, 3, Duration.ofSeconds(3), FORGET_IDLE_CHATS);
		}
		chat.acquire();
		overall.acquire();
	}
}
