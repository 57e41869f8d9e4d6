package io.kamibot.customer;

import java.time.Instant;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A buyer as the shop knows them on one channel.
 *
 * @param locale a language tag: {@code zh-CN} or {@code en}
 */
@Document("customers")
public record Customer(@Id String id, String channel, String userId, String locale, Instant createdAt) {

	public ChannelIdentity identity() {
		return new ChannelIdentity(channel, userId);
	}

	public Locale language() {
		return Locale.forLanguageTag(locale);
	}
}
