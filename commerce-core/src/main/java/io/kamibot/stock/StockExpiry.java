package io.kamibot.stock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.kamibot.catalog.Catalog;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.kamibot.stock.StockItems.*;

/** Voids the codes nobody bought before their last day, in small batches so buyers are never held up for long. */
final class StockExpiry {

	private static final Logger log = LoggerFactory.getLogger(StockExpiry.class);
	static final int VOID_BATCH = 500;

	private final MongoCollection<Document> items;
	private final Catalog catalog;
	private final Clock clock;

	StockExpiry(MongoCollection<Document> items, Catalog catalog, Clock clock) {
		this.items = items;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** See {@link Stock#voidExpired()}. */
	long voidExpired() {
		Date now = Date.from(clock.instant());
		long voided = 0;
		for (var product : catalog.all()) {
			Bson expired = Filters.and(Filters.eq(SKU, product.sku()), Filters.eq(STATUS, StockStatus.AVAILABLE.name()),
					Filters.lte(SELL_BY, now));
			List<Object> batch;
			do {
				batch = items.find(expired).projection(new Document("_id", 1)).limit(VOID_BATCH)
					.map(d -> d.get("_id"))
					.into(new ArrayList<>());
				if (!batch.isEmpty()) {
					voided += items.updateMany(Filters.and(Filters.in("_id", batch), expired),
							Updates.combine(Updates.set(STATUS, StockStatus.VOID.name()), Updates.set(CHANGED_AT, now)))
						.getModifiedCount();
				}
			}
			while (batch.size() == VOID_BATCH);
		}
		if (voided > 0) {
			log.info("Voided {} expired codes", voided);
		}
		return voided;
	}
}
