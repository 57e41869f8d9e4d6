package io.kamibot.stock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static io.kamibot.stock.StockItems.*;

/** The indexes of the stock collection, ensured when the application starts, before anything reads or writes. */
@Component
class StockSchema {

	StockSchema(MongoTemplate mongo) {
		MongoCollection<Document> items = mongo.getCollection(COLLECTION);
		// One code, stored once: duplicates in an import are found by the keyed hash.
		items.createIndex(Indexes.ascending(LOOKUP), new IndexOptions().unique(true));
		// One code per slot of an order, so no order ever holds more codes than it bought.
		items.createIndex(Indexes.ascending(ORDER, SLOT), new IndexOptions().unique(true).sparse(true));
		// Allocation and the counts: a product's codes by status, earliest last day first.
		items.createIndex(Indexes.ascending(SKU, STATUS, SELL_BY));
		// An order's codes are released, sold, shown and voided by order and status.
		items.createIndex(Indexes.ascending(ORDER, STATUS));
		// The daily report counts the own vouchers redeemed in a day; only redeemed codes carry the field.
		items.createIndex(Indexes.ascending(REDEEMED_AT), new IndexOptions().sparse(true));
	}
}
