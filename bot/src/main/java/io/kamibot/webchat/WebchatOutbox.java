package io.kamibot.webchat;

import java.util.List;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.ChannelOutbox;
import io.kamibot.conversation.Reply;
import io.kamibot.mailbox.Mailbox;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Messages sent to a web chat between its requests wait in the core's mailbox (sealed there, as they may carry
 * codes) until the page fetches them.
 */
@Component
class WebchatOutbox implements ChannelOutbox {

	static final String CHANNEL = "webchat";
	private static final int MAX_TAKEN = 50;

	private final Mailbox mailbox;

	WebchatOutbox(Mailbox mailbox) {
		this.mailbox = mailbox;
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public void send(String chatId, Reply reply) {
		mailbox.post(CHANNEL, chatId, toDocument(reply).toJson());
	}

	/** Takes the chat's waiting messages, oldest first. */
	List<Reply> take(String chatId) {
		return mailbox.take(CHANNEL, chatId, MAX_TAKEN).stream().map(json -> fromDocument(Document.parse(json))).toList();
	}

	private static Document toDocument(Reply reply) {
		List<List<Document>> rows = reply.buttons()
			.stream()
			.map(row -> row.stream().map(b -> new Document("label", b.label()).append("data", b.data())).toList())
			.toList();
		return new Document("text", reply.text()).append("buttons", rows)
			.append("codes", reply.codes())
			.append("qr", reply.qr());
	}

	@SuppressWarnings("unchecked")
	private static Reply fromDocument(Document document) {
		List<List<Button>> rows = ((List<List<Document>>) document.get("buttons")).stream()
			.map(row -> row.stream().map(b -> new Button(b.getString("label"), b.getString("data"))).toList())
			.toList();
		return new Reply(document.getString("text"), rows, document.getList("codes", String.class), null,
				document.getString("qr"));
	}
}
