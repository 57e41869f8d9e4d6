package io.kamibot.mailbox;

import com.mongodb.client.model.Indexes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The indexes of the mailbox, ensured when the application starts, before anything reads or writes. */
@Component
class MailboxSchema {

	MailboxSchema(MongoTemplate mongo) {
		// A chat's messages, oldest first.
		mongo.getCollection(Mailbox.COLLECTION).createIndex(Indexes.ascending("channel", "chatId", "_id"));
	}
}
