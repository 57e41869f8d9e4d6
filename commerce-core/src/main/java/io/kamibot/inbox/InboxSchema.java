package io.kamibot.inbox;

import com.mongodb.client.model.Indexes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The indexes of the inbox, ensured when the application starts, before anything reads or writes. */
@Component
class InboxSchema {

	InboxSchema(MongoTemplate mongo) {
		// Claiming: the oldest pending update of a channel; ordering: the earlier pending updates of a chat.
		mongo.getCollection(Inbox.COLLECTION).createIndex(Indexes.ascending("status", "channel", "seq"));
		mongo.getCollection(Inbox.COLLECTION).createIndex(Indexes.ascending("chat", "status", "seq"));
	}
}
