package io.kamibot.audit;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes of the audit log, ensured when the application starts, before anything reads or writes. */
@Component
class AuditSchema {

	AuditSchema(MongoTemplate mongo) {
		// The log is read newest first.
		mongo.indexOps(AuditEntry.class).createIndex(new Index().on("at", Direction.DESC));
	}
}
