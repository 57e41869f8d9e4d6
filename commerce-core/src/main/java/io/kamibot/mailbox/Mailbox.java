package io.kamibot.mailbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.Sorts;
import io.kamibot.vault.Sealed;
import io.kamibot.vault.Vault;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Per-chat queues of messages in whatever form the channel renders them. Taking is one findAndDelete per message,
 * so two readers of the same chat (two browser tabs, two instances) never get the same message.
 */
@Service
public class Mailbox {

	static final String COLLECTION = "mailbox";

	private final MongoCollection<Document> messages;
	private final Vault vault;
	private final Clock clock;

	Mailbox(MongoTemplate mongo, Vault vault, Clock clock) {
		this.messages = mongo.getCollection(COLLECTION);
		this.vault = vault;
		this.clock = clock;
	}

	public void post(String channel, String chatId, String message) {
		Sealed sealed = vault.seal(message);
		messages.insertOne(new Document("_id", new ObjectId()).append("channel", channel)
			.append("chatId", chatId)
			.append("keyId", sealed.keyId())
			.append("sealed", new Binary(sealed.data()))
			.append("at", Date.from(clock.instant())));
	}

	/** Takes up to {@code max} waiting messages of the chat, oldest first. */
	public List<String> take(String channel, String chatId, int max) {
		List<String> taken = new ArrayList<>();
		FindOneAndDeleteOptions oldest = new FindOneAndDeleteOptions().sort(Sorts.ascending("_id"));
		for (int i = 0; i < max; i++) {
			Document next = messages.findOneAndDelete(
					Filters.and(Filters.eq("channel", channel), Filters.eq("chatId", chatId)), oldest);
			if (next == null) {
				break;
			}
			taken.add(vault.open(new Sealed(next.getString("keyId"), next.get("sealed", Binary.class).getData())));
		}
		return taken;
	}
}
