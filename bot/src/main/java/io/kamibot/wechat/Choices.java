package io.kamibot.wechat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The buttons behind a buyer's last numbered menu: an Official Account chat has no inline buttons, so a menu is a
 * numbered list and the buyer answers with the number. Kept in Redis, so any instance reads the answer.
 */
final class Choices {

	private static final String PREFIX = "kamibot:wechat:choices:";

	private final RedissonClient redis;
	private final Duration kept;

	Choices(RedissonClient redis, Duration kept) {
		this.redis = redis;
		this.kept = kept;
	}

	/** Remembers the button data of the menu just shown, numbered from 1 in order. */
	void offer(String openId, List<String> data) {
		if (!data.isEmpty()) {
			bucket(openId).set(String.join("\n", data), kept);
		}
	}

	/** The button data behind the number the buyer sent, when it is one of their menu's. */
	Optional<String> chosen(String openId, String answer) {
		if (answer == null || !answer.strip().matches("\\d{1,3}")) {
			return Optional.empty();
		}
		String menu = bucket(openId).get();
		if (menu == null) {
			return Optional.empty();
		}
		List<String> data = Arrays.asList(menu.split("\n"));
		int number = Integer.parseInt(answer.strip());
		return number >= 1 && number <= data.size() ? Optional.of(data.get(number - 1)) : Optional.empty();
	}

	private RBucket<String> bucket(String openId) {
		return redis.getBucket(PREFIX + openId, StringCodec.INSTANCE);
	}
}
