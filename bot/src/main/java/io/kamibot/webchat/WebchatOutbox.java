package io.kamibot.webchat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.kamibot.conversation.Button;
import io.kamibot.conversation.ChannelOutbox;
import io.kamibot.conversation.Reply;
import io.kamibot.vault.Sealed;
import io.kamibot.vault.Vault;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Messages waiting for a web chat to fetch them. Stored sealed, because they may carry codes, and deleted as they
 * are taken, so each is shown once even when two tabs poll at the same moment.
 */
@Component
class WebchatOutbox implements ChannelOutbox {

	static final String CHANNEL = "webchat";
	private static final int MAX_TAKEN = 50;

	private final MongoCollection<Document> outbox;
	private final Vault vault;
	private final Clock clock;

	WebchatOutbox(MongoTemplate mongo, Vault vault, Clock clock) {
		this.outbox = mongo.getCollection("webchat_outbox");
		this.vault = vault;
		this.clock = clock;
		outbox.createIndex(Indexes.ascending("chatId", "_id"));
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public void send(String chatId, Reply reply) {
		Sealed sealed = vault.seal(toDocument(reply).toJson());
		outbox.insertOne(new Document("_id", new ObjectId()).append("chatId", chatId)
			.append("keyId", sealed.keyId())
			.append("sealed", new Binary(sealed.data()))
			.append("at", Date.from(clock.instant())));
	}

	/** Takes the chat's waiting messages, oldest first. */
	List<Reply> take(String chatId) {
		List<Reply> replies = new ArrayList<>();
		FindOneAndDeleteOptions oldest = new FindOneAndDeleteOptions().sort(Sorts.ascending("_id"));
		for (int i = 0; i < MAX_TAKEN; i++) {
			Document next = outbox.findOneAndDelete(Filters.eq("chatId", chatId), oldest);
			if (next == null) {
				break;
			}
			String json = vault.open(new Sealed(next.getString("keyId"), next.get("sealed", Binary.class).getData()));
			replies.add(fromDocument(Document.parse(json)));
		}
		return replies;
	}

	private static Document toDocument(Reply reply) {
		List<List<Document>> rows = reply.buttons()
			.stream()
			.map(row -> row.stream().map(b -> new Document("label", b.label()).append("data", b.data())).toList())
			.toList();
		return new Document("text", reply.text()).append("buttons", rows).append("codes", reply.codes());
	}

	@SuppressWarnings("unchecked")
	private static Reply fromDocument(Document document) {
		List<List<Button>> rows = ((List<List<Document>>) document.get("buttons")).stream()
			.map(row -> row.stream().map(b -> new Button(b.getString("label"), b.getString("data"))).toList())
			.toList();
		return new Reply(document.getString("text"), rows, document.getList("codes", String.class));
	}
}
