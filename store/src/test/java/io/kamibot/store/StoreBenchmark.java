package io.kamibot.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints what the embedded store costs as a shop grows, beside the H2 backend it replaces, both on a file and
 * driven by the raw MongoDB driver: stock-like documents with the shop's indexes inserted in batches of 1,000,
 * then an exact count of one product's sellable codes, and taking the earliest-expiring code (findAndModify with a
 * sort), at each size. Asserts nothing. Run with
 * {@code ./mvnw -pl store verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=StoreBenchmark
 * -Dstore.sizes=1000,100000,1000000}.
 */
@Tag("benchmark")
class StoreBenchmark {

	private static final long DAY = 86_400_000L;

	@TempDir
	Path directory;

	@Test
	void printsCostsAsTheStockGrows() throws Exception {
		int[] sizes = Arrays.stream(System.getProperty("store.sizes", "1000,100000").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		System.out.printf("%-10s %9s %12s %12s %12s %12s%n", "backend", "codes", "insert/s", "count ms",
				"take ms", "file MB");
		for (String name : System.getProperty("store.backends", "store,h2").split(",")) {
			Path file = directory.resolve(name + ".mv");
			Function<Path, MongoBackend> open = name.equals("store") ? path -> StoreBackend.openFile(path, true)
					: path -> new H2Backend(path.toString());
			run(name, open.apply(file), file, sizes);
		}
	}

	private static void run(String name, MongoBackend backend, Path file, int[] sizes) throws Exception {
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			MongoCollection<Document> stock = client.getDatabase("shop").getCollection("stock");
			stock.createIndex(Indexes.ascending("lookup"), new IndexOptions().unique(true));
			stock.createIndex(Indexes.ascending("order", "slot"), new IndexOptions().unique(true).sparse(true));
			stock.createIndex(Indexes.ascending("sku", "status", "sellBy"));
			stock.createIndex(Indexes.ascending("order", "status"));
			int inserted = 0;
			for (int size : sizes) {
				int previous = inserted;
				long started = System.nanoTime();
				while (inserted < size) {
					int batch = Math.min(1000, size - inserted);
					stock.insertMany(codes(inserted, batch), new InsertManyOptions().ordered(false));
					inserted += batch;
				}
				double seconds = (System.nanoTime() - started) / 1e9;
				double rate = seconds == 0 ? 0 : (size - previous) / seconds;
				Bson sellable = Filters.and(Filters.eq("sku", "S"), Filters.eq("status", "AVAILABLE"),
						Filters.gt("sellBy", new Date()));
				long countNanos = time(() -> stock.countDocuments(sellable));
				long takeNanos = time(() -> stock.findOneAndUpdate(sellable,
						Updates.combine(Updates.set("status", "RESERVED"), Updates.set("order", "O" + System.nanoTime()),
								Updates.set("slot", 0)),
						new FindOneAndUpdateOptions().sort(Sorts.ascending("sellBy"))));
				System.out.printf("%-10s %9d %12.0f %12.1f %12.1f %12.1f%n", name, size, rate, countNanos / 1e6,
						takeNanos / 1e6, Files.size(file) / 1e6);
			}
		}
		finally {
			server.shutdownNow();
		}
	}

	private static long time(Runnable work) {
		work.run();
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			long started = System.nanoTime();
			work.run();
			best = Math.min(best, System.nanoTime() - started);
		}
		return best;
	}

	private static List<Document> codes(int first, int count) {
		SecureRandom random = new SecureRandom();
		List<Document> codes = new ArrayList<>(count);
		Date now = new Date();
		for (int i = 0; i < count; i++) {
			byte[] lookup = new byte[32];
			random.nextBytes(lookup);
			byte[] cipher = new byte[48];
			random.nextBytes(cipher);
			codes.add(new Document("sku", "S").append("status", "AVAILABLE")
				.append("lookup", new Binary(lookup))
				.append("keyId", "k1")
				.append("cipher", new Binary(cipher))
				.append("batch", HexFormat.of().toHexDigits(first))
				.append("sellBy", new Date(now.getTime() + (1 + (first + i) % 365) * DAY))
				.append("importedAt", now)
				.append("changedAt", now));
		}
		return codes;
	}
}
