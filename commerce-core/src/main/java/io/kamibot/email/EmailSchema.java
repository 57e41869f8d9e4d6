package io.kamibot.email;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes of the emails collection, ensured when the application starts. */
@Component
class EmailSchema {

	EmailSchema(MongoTemplate mongo) {
		// A link's token finds its address in one lookup; used links hold none.
		mongo.indexOps(EmailAddress.class).createIndex(new Index().on("tokenHash", Direction.ASC).unique().sparse());
	}
}
