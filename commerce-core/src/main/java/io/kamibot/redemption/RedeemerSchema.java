package io.kamibot.redemption;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The redeemers' indexes, ensured when the application starts, before anything reads or writes. */
@Component
class RedeemerSchema {

	RedeemerSchema(MongoTemplate mongo) {
		// Every signed redemption finds its redeemer by key id.
		mongo.indexOps(Redeemer.class).createIndex(new Index().on("keyId", Direction.ASC).unique().sparse());
		// A /redeem in a chat finds the redeemer whose staff chat it is.
		mongo.indexOps(Redeemer.class).createIndex(new Index().on("staffChats", Direction.ASC));
	}
}
