package io.kamibot.resellers;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A bulk order of 10,000 codes, from the order to the CSV file's bytes, beside the raw MongoDB driver doing the same
 * reads and writes on the same in-process server (find the earliest-expiring ids, reserve them in one bulk write,
 * mark them sold, write the order, the ledger entry and the wallet, read the codes back). Prints numbers; asserts
 * nothing about speed. Run it with {@code ./mvnw -pl commerce-core -am verify -Dgroups=benchmark
 * -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -Dtest=BulkOrderBenchmark}.
 */
@CoreTest
@Tag("benchmark")
class BulkOrderBenchmark {

	private static final int CODES = 10_000;
	private static final int ROUNDS = 3;

	@Autowired
	BulkOrders bulk;

	@Autowired
	ResellerFiles files;

	@Autowired
	Resellers resellers;

	@Autowired
	ResellerWallets wallets;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	MongoTemplate mongo;

	@Test
	void measure() {
		resellers.save("bench", new ResellerDraft("Bench", 1, null, null, null, null));
		wallets.topUp("bench", Long.MAX_VALUE / 4, "float", null);
		long best = Long.MAX_VALUE;
		long bestRaw = Long.MAX_VALUE;
		for (int round = 0; round < ROUNDS; round++) {
			best = Math.min(best, kamibot(round));
			bestRaw = Math.min(bestRaw, raw(round));
		}
		System.out.printf("%n| work | kamibot | raw driver | time ratio |%n|---|---|---|---|%n");
		System.out.printf("| bulk order of %,d codes to CSV bytes, best of %d | %d ms | %d ms | %.2f |%n%n", CODES,
				ROUNDS, best / 1_000_000, bestRaw / 1_000_000, (double) best / bestRaw);
	}

	private long kamibot(int round) {
		Sku sku = stocked("BENCH-K" + round);
		long started = System.nanoTime();
		BulkReceipt receipt = bulk.order("bench", sku, CODES, "bench-" + round, "benchmark");
		byte[] csv = files.codes(receipt, FileFormat.CSV).content();
		long took = System.nanoTime() - started;
		if (receipt.codes().size() != CODES || csv.length < CODES * 10) {
			throw new AssertionError("The bulk order did not hand over " + CODES + " codes");
		}
		return took;
	}

	private long raw(int round) {
		Sku sku = stocked("BENCH-R" + round);
		MongoCollection<Document> items = mongo.getCollection("stock");
		String order = "RAW" + round;
		long started = System.nanoTime();
		Date now = new Date();
		List<ObjectId> ids = new ArrayList<>(CODES);
		items.find(Filters.and(Filters.eq("sku", sku.value()), Filters.eq("status", "AVAILABLE"),
				Filters.gt("sellBy", now)))
			.sort(Sorts.ascending("sellBy"))
			.limit(CODES)
			.projection(Projections.include("_id"))
			.forEach(d -> ids.add(d.getObjectId("_id")));
		List<WriteModel<Document>> moves = new ArrayList<>(CODES);
		for (int slot = 0; slot < ids.size(); slot++) {
			moves.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", ids.get(slot)), Filters.eq("status", "AVAILABLE")),
					Updates.combine(Updates.set("status", "RESERVED"), Updates.set("orderNo", order),
							Updates.set("slot", slot))));
		}
		items.bulkWrite(moves, new BulkWriteOptions().ordered(false));
		mongo.getCollection("raw_orders").insertOne(new Document("_id", order).append("quantity", CODES));
		mongo.getCollection("raw_entries").insertOne(new Document("_id", "raw/" + order).append("amount", -CODES));
		mongo.getCollection("raw_wallets").updateOne(Filters.eq("_id", "raw"), Updates.inc("balance", -CODES),
				new com.mongodb.client.model.UpdateOptions().upsert(true));
		items.updateMany(Filters.and(Filters.eq("orderNo", order), Filters.eq("status", "RESERVED")),
				Updates.set("status", "SOLD"));
		List<Document> sold = new ArrayList<>(CODES);
		items.find(Filters.and(Filters.eq("orderNo", order), Filters.eq("status", "SOLD"))).sort(Sorts.ascending("slot"))
			.into(sold);
		long took = System.nanoTime() - started;
		if (sold.size() != CODES) {
			throw new AssertionError("The raw driver sold " + sold.size() + " codes");
		}
		return took;
	}

	private Sku stocked(String name) {
		Sku sku = new Sku(name);
		catalog.save(sku, new ProductDraft(name, null, null, 100L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(name, CODES)), "benchmark");
		return sku;
	}
}
