package io.kamibot.resellers;

import java.lang.management.ManagementFactory;
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
import io.kamibot.testing.InMemoryMongo;
import io.kamibot.testing.OnDiskMongo;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import testing.kamibot.CoreTestApplication;

/**
 * A bulk order of 10,000 codes, from the order to the CSV file's bytes, beside the raw MongoDB driver doing the same
 * reads and writes on the same server (find the earliest-expiring ids, reserve them in one bulk write, mark them
 * sold, write the order, the ledger entry and the wallet, read the codes back). The server is the embedded default's
 * store on disk ({@link OnDiskMongo}); {@code -Dkamibot.bench.store=memory} runs it on the store in memory instead.
 * Prints numbers with the load average; asserts nothing about speed. Run it with {@code ./mvnw -pl commerce-core -am
 * verify -Dgroups=benchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -Dtest=BulkOrderBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(classes = CoreTestApplication.class)
@ContextConfiguration(initializers = BulkOrderBenchmark.Store.class)
@DirtiesContext
@Timeout(600)
class BulkOrderBenchmark {

	private static final boolean IN_MEMORY = "memory".equals(System.getProperty("kamibot.bench.store"));

	private static final int CODES = 10_000;
	private static final int ROUNDS = 5;

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
		long[] best = { Long.MAX_VALUE, Long.MAX_VALUE };
		long[] bestRaw = { Long.MAX_VALUE, Long.MAX_VALUE };
		for (int round = 0; round < ROUNDS; round++) {
			String ref = "bench-" + round;
			Sku ours = stocked("BENCH-K" + round);
			keepBest(best, timed("kamibot", round, () -> kamibot(ours, ref)));
			Sku theirs = stocked("BENCH-R" + round);
			keepBest(bestRaw, timed("raw driver", round, () -> raw(theirs, "RAW" + ref)));
		}
		System.out.printf("%n| work | kamibot | raw driver | time ratio | CPU time, kamibot / raw | load average |%n"
				+ "|---|---|---|---|---|---|%n");
		System.out.printf("| bulk order of %,d codes to CSV bytes, best of %d, store %s | %,d ms | %,d ms | %.2f "
				+ "| %,d / %,d ms | %.1f |%n%n", CODES, ROUNDS, IN_MEMORY ? "in memory" : "on disk", best[0] / 1_000_000,
				bestRaw[0] / 1_000_000, (double) best[0] / bestRaw[0], best[1] / 1_000_000, bestRaw[1] / 1_000_000,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/**
	 * The wall time and the CPU time of this process (the shop and its in-process store) of one run; the CPU time
	 * hardly moves when other builds share the machine.
	 */
	private static long[] timed(String what, int round, Runnable work) {
		long cpu = cpuNanos();
		long started = System.nanoTime();
		work.run();
		long[] took = { System.nanoTime() - started, cpuNanos() - cpu };
		System.out.printf("round %d: %s %,d ms, CPU %,d ms%n", round, what, took[0] / 1_000_000, took[1] / 1_000_000);
		return took;
	}

	private static void keepBest(long[] best, long[] took) {
		if (took[0] < best[0]) {
			best[0] = took[0];
			best[1] = took[1];
		}
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private void kamibot(Sku sku, String ref) {
		BulkReceipt receipt = bulk.order("bench", sku, CODES, ref, "benchmark");
		byte[] csv = files.codes(receipt, FileFormat.CSV).content();
		if (receipt.codes().size() != CODES || csv.length < CODES * 10) {
			throw new AssertionError("The bulk order did not hand over " + CODES + " codes");
		}
	}

	private void raw(Sku sku, String order) {
		MongoCollection<Document> items = mongo.getCollection("stock");
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
		if (sold.size() != CODES) {
			throw new AssertionError("The raw driver sold " + sold.size() + " codes");
		}
	}

	private Sku stocked(String name) {
		Sku sku = new Sku(name);
		catalog.save(sku, new ProductDraft(name, null, null, 100L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(name, CODES)), "benchmark");
		return sku;
	}

	/** The embedded default's store on disk, or in memory when asked. */
	static class Store implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			(IN_MEMORY ? new InMemoryMongo() : new OnDiskMongo()).initialize(context);
		}
	}
}
