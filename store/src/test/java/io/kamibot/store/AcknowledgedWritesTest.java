package io.kamibot.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a client was told is written is on disk at that moment: copies of the store and its journal taken while
 * eight clients write, each opened as a store of its own, hold every write acknowledged before the copy began, and
 * their indexes agree with their documents. A copy is what {@code kill -9} leaves behind.
 */
@Timeout(180)
class AcknowledgedWritesTest {

	@TempDir
	Path directory;

	@Test
	void everyAcknowledgedWriteIsInTheFileWhileWritesGoOn() throws Exception {
		Path file = directory.resolve("shop.mv");
		StoreBackend backend = StoreBackend.openFile(file, false);
		MongoServer server = new MongoServer(backend);
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService writers = Executors.newFixedThreadPool(8);
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			orders.createIndex(Indexes.ascending("status", "n"));
			List<Future<?>> running = new ArrayList<>();
			for (int w = 0; w < 8; w++) {
				int writer = w;
				running.add(writers.submit(() -> write(orders, writer, writing, acknowledged)));
			}
			for (int copy = 0; copy < 8; copy++) {
				waitForMore(acknowledged, 150 * (copy + 1));
				List<String> before = List.copyOf(acknowledged);
				Path snapshot = directory.resolve("copy-" + copy + ".mv");
				Runnable copyFiles = () -> copy(file, snapshot);
				// A copy of files being written is no snapshot; kill -9 leaves one instant. Either commands wait
				// meanwhile, or (every other copy) they go on while the store file stands still just after a
				// checkpoint's commit, which may hold parts of commands newer than its mark. The journal may be
				// written to during the copy: a record torn there was never acknowledged.
				if (copy % 2 == 0) {
					backend.whileStill(copyFiles);
				}
				else {
					backend.checkpointThen(copyFiles);
				}
				assertHolds(snapshot, before);
			}
			writing.set(false);
			for (Future<?> writer : running) {
				writer.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			writers.shutdownNow();
			server.shutdownNow();
		}
	}

	private static void copy(Path store, Path snapshot) {
		try {
			Files.copy(store, snapshot);
			List<Path> journals = Journal.files(store);
			List<Path> copies = Journal.files(snapshot);
			for (int i = 0; i < journals.size(); i++) {
				if (Files.exists(journals.get(i))) {
					Files.copy(journals.get(i), copies.get(i));
				}
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void write(MongoCollection<Document> orders, int writer, AtomicBoolean writing,
			Set<String> acknowledged) {
		for (int i = 0; i < 2000 && writing.get(); i++) {
			String id = writer + "-" + i;
			orders.insertOne(new Document("_id", id).append("status", "CREATED").append("n", i));
			orders.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "CREATED")),
					Updates.set("status", "PAID"));
			acknowledged.add(id);
		}
	}

	private static void waitForMore(Set<String> acknowledged, int count) {
		// Polled often: the copy is to be taken while writes go on, soon after the count is reached.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
			.until(() -> acknowledged.size() >= count);
	}

	private static void assertHolds(Path snapshot, List<String> acknowledged) {
		StoreBackend copy = StoreBackend.openFile(snapshot, false);
		MongoServer server = new MongoServer(copy);
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			// Found through the _id index, a few hundred ids a query: the server matches each document it finds
			// against every id of the $in, so one query of thousands of ids took minutes over the eight copies.
			List<String> paid = new ArrayList<>();
			for (int from = 0; from < acknowledged.size(); from += 200) {
				orders.find(Filters.in("_id", acknowledged.subList(from, Math.min(from + 200, acknowledged.size()))))
					.map(d -> d.getString("_id") + ":" + d.getString("status"))
					.into(paid);
			}
			assertThat(paid).hasSize(acknowledged.size()).allMatch(s -> s.endsWith(":PAID"));
			// Counts by status come from the index alone; the documents, read one by one, must agree with them.
			Map<String, Long> scanned = orders.find()
				.map(d -> d.getString("status"))
				.into(new ArrayList<>())
				.stream()
				.collect(Collectors.groupingBy(s -> s, Collectors.counting()));
			for (String status : List.of("CREATED", "PAID")) {
				assertThat(orders.countDocuments(Filters.eq("status", status))).as(status)
					.isEqualTo(scanned.getOrDefault(status, 0L));
			}
			assertThat(scanned.keySet()).isSubsetOf("CREATED", "PAID");
		}
		finally {
			server.shutdownNow();
		}
	}
}
