package io.kamibot.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of a document while other connections keep updating it: each answer is a whole document as it was at some
 * moment, and no connection is dropped (the server used to encode the stored document itself while an update changed
 * it in place).
 */
@Timeout(120)
class ConcurrentReadsTest {

	@Test
	void readsADocumentWhileOthersUpdateItAndEveryAnswerIsWhole() throws Exception {
		MongoServer server = new MongoServer(StoreBackend.inMemory());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			MongoCollection<Document> entries = client.getDatabase("shop").getCollection("entries");
			Document fields = new Document("_id", "hot").append("n", 0);
			for (int i = 0; i < 30; i++) {
				fields.append("f" + i, "value");
			}
			entries.insertOne(fields);
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int writer = t;
				work.add(pool.submit(() -> {
					for (int i = 0; i < 500; i++) {
						// Fields come and go, so the stored document's map changes shape under a reader.
						entries.updateOne(Filters.eq("_id", "hot"), Updates.combine(Updates.inc("n", 1),
								i % 2 == 0 ? Updates.set("w" + writer, i) : Updates.unset("w" + writer)));
					}
				}));
				work.add(pool.submit(() -> {
					for (int i = 0; i < 500; i++) {
						Document read = entries.find(Filters.eq("_id", "hot")).first();
						assertThat(read).isNotNull().containsKey("f29");
					}
				}));
			}
			for (Future<?> done : work) {
				done.get(100, TimeUnit.SECONDS);
			}
			assertThat(entries.find(Filters.eq("_id", "hot")).first().getInteger("n")).isEqualTo(2000);
		}
		finally {
			pool.shutdownNow();
			server.shutdownNow();
		}
	}
}
