package io.kamibot.customer;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The token a chat is bound to, as its keyed hash only: reading the database does not give the token.
 *
 * @param id the chat's identity, {@code <channel>:<user id>}, so a chat is bound once
 */
@Document("chat_tokens")
record ChatToken(@Id String id, String hash, Instant boundAt) {
}
