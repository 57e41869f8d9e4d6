package io.kamibot.customer;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import io.kamibot.vault.Vault;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Secret tokens for chats whose channel cannot vouch for the sender (the web chat: anyone can write to any chat id).
 * A chat is bound to a token once, on first contact, and afterwards only a caller holding the token is that chat.
 * Only a keyed hash of the token is stored, so neither the chat id (which admins, alerts and logs show) nor the
 * database is enough to act as the buyer.
 */
@Service
public class ChatTokens {

	/** Longer tokens are refused unhashed: the shop hands out 43 characters. */
	private static final int MAX_TOKEN = 128;
	/** Separates these hashes from the codes' lookup hashes made with the same key. */
	private static final String DOMAIN = "kamibot-chat-token:";

	private final MongoTemplate mongo;
	private final Vault vault;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	ChatTokens(MongoTemplate mongo, Vault vault, Clock clock) {
		this.mongo = mongo;
		this.vault = vault;
		this.clock = clock;
	}

	/**
	 * Binds a chat the shop has never seen to a new token and returns it; this is the only time the token exists
	 * outside the caller. A chat that is bound already, or that the shop knew before chats had tokens (a customer
	 * exists for it), is not bound again: its id is known to others, so whoever calls first could be anyone.
	 *
	 * @return the token, or empty when the chat cannot be bound
	 */
	public Optional<String> bind(ChannelIdentity chat) {
		if (mongo.exists(Query.query(where("channel").is(chat.channel()).and("userId").is(chat.userId())),
				Customer.class)) {
			return Optional.empty();
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		try {
			mongo.insert(new ChatToken(chat.toString(), hash(token), clock.instant()));
		}
		catch (DuplicateKeyException e) {
			// A concurrent first contact bound it.
			return Optional.empty();
		}
		return Optional.of(token);
	}

	/** Whether the token is the one the chat is bound to; compared in constant time. */
	public boolean verify(ChannelIdentity chat, String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
			return false;
		}
		ChatToken bound = mongo.findById(chat.toString(), ChatToken.class);
		return bound != null && Vault.constantTimeEquals(bound.hash(), hash(token));
	}

	private String hash(String token) {
		return vault.fingerprint(DOMAIN + token);
	}
}
