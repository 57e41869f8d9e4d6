package io.kamibot.resellers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * {@code -Dkamibot.bench.warmup} rounds (4) are run first and not counted, then {@code -Dkamibot.bench.rounds} (8)
 * are; it prints each round and the best, median and worst of the counted ones, with their CPU time and the load
 * average, and asserts nothing about speed. Run it with {@code ./mvnw -pl commerce-core -am
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
	/** Rounds that count, after the warm-up rounds that do not (the JIT compiling the path, the heap sizing itself). */
	private static final int ROUNDS = Integer.getInteger("kamibot.bench.rounds", 8);
	private static final int WARMUP = Integer.getInteger("kamibot.bench.warmup", 4);

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
		List<long[]> ours = new ArrayList<>();
		List<long[]> theirs = new ArrayList<>();
		for (int round = 0; round < WARMUP + ROUNDS; round++) {
			String ref = "bench-" + round;
			String counted = round < WARMUP ? " (warm-up)" : "";
			Sku mine = stocked("BENCH-K" + round);
			long[] took = timed("kamibot" + counted, round, () -> kamibot(mine, ref));
			Sku raws = stocked("BENCH-R" + round);
			long[] tookRaw = timed("raw driver" + counted, round, () -> raw(raws, "RAW" + ref));
			if (round >= WARMUP) {
				ours.add(took);
				theirs.add(tookRaw);
			}
		}
		System.out.printf("%n%d measured rounds after %d warm-up rounds, store %s, max heap %,d MB, peak resident "
				+ "memory %s, load average %.1f%n| rounds | kamibot | raw driver | time ratio | CPU time, kamibot / raw |"
				+ "%n|---|---|---|---|---|%n", ROUNDS, WARMUP, IN_MEMORY ? "in memory" : "on disk",
				Runtime.getRuntime().maxMemory() >> 20, peakResident(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		row("best", ours, theirs, 0);
		row("median", ours, theirs, (ROUNDS - 1) / 2);
		row("worst", ours, theirs, ROUNDS - 1);
		System.out.println();
	}

	/** One row: the round at this rank of wall time, for each side (with that round's CPU time). */
	private static void row(String name, List<long[]> ours, List<long[]> theirs, int rank) {
		long[] mine = ranked(ours, rank);
		long[] raw = ranked(theirs, rank);
		System.out.printf("| %s | %,d ms | %,d ms | %.2f | %,d / %,d ms |%n", name, mine[0] / 1_000_000,
				raw[0] / 1_000_000, (double) mine[0] / raw[0], mine[1] / 1_000_000, raw[1] / 1_000_000);
	}

	private static long[] ranked(List<long[]> rounds, int rank) {
		List<long[]> sorted = new ArrayList<>(rounds);
		sorted.sort(Comparator.comparingLong(r -> r[0]));
		return sorted.get(rank);
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
		System.out.printf("round %d: %s %,d ms, CPU %,d ms, load %.1f%n", round, what, took[0] / 1_000_000,
				took[1] / 1_000_000, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		return took;
	}

	/** The process's peak resident memory (Linux), which the embedded default keeps within 512 MB. */
	private static String peakResident() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status")).stream()
				.filter(line -> line.startsWith("VmHWM:"))
				.map(line -> String.format("%,d MB", Long.parseLong(line.replaceAll("\\D", "")) >> 10))
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException e) {
			return "unknown";
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
