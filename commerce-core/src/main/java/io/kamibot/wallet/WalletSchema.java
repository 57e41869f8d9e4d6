package io.kamibot.wallet;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The ledger's indexes, ensured when the application starts, before anything reads or writes. */
@Component
class WalletSchema {

	WalletSchema(MongoTemplate mongo) {
		// A month's statement: a wallet's entries by time. The reference is unique by the entry's id.
		mongo.indexOps(LedgerEntry.class).createIndex(new Index().on("walletId", Direction.ASC).on("at", Direction.ASC));
	}
}
