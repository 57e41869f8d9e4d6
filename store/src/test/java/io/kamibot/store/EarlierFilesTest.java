package io.kamibot.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A shop that ran on the H2 backend keeps its data: the store opens the file, moves its documents to its own
 * format, builds its indexes once, keeps unique keys unique, and opens it again without building anything.
 */
class EarlierFilesTest {

	@TempDir
	Path directory;

	@Test
	void opensAFileTheH2BackendWroteAndKeepsItsDocumentsAndConstraints() {
		Path file = directory.resolve("kamibot.mv");
		H2Backend earlier = new H2Backend(file.toString());
		use(earlier, stock -> {
			stock.createIndex(Indexes.ascending("lookup"), new IndexOptions().unique(true));
			stock.createIndex(Indexes.ascending("sku", "status", "sellBy"));
			List<Document> codes = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				codes.add(new Document("_id", "c" + i).append("sku", i % 2 == 0 ? "A" : "B")
					.append("status", "AVAILABLE")
					.append("lookup", new Binary(new byte[] { (byte) i, (byte) (i >> 8) }))
					.append("sellBy", new Date(1_800_000_000_000L + i * 1000L)));
			}
			stock.insertMany(codes);
		});
		earlier.close();

		for (int opening = 0; opening < 2; opening++) {
			StoreBackend store = StoreBackend.openFile(file, false);
			use(store, stock -> {
				assertThat(stock.countDocuments()).isEqualTo(500);
				assertThat(stock.countDocuments(Filters.and(Filters.eq("sku", "A"), Filters.eq("status", "AVAILABLE"),
						Filters.gt("sellBy", new Date(1_800_000_000_000L))))).isEqualTo(249);
				assertThat(stock.find(Filters.and(Filters.eq("sku", "B"), Filters.eq("status", "AVAILABLE")))
					.sort(Sorts.ascending("sellBy"))
					.first()
					.getString("_id")).isEqualTo("c1");
				assertThat(stock.find(Filters.eq("_id", "c7")).first().get("lookup", Binary.class).getData())
					.containsExactly(7, 0);
				assertThatThrownBy(() -> stock.insertOne(new Document("_id", "twin").append("lookup",
						new Binary(new byte[] { 7, 0 })))).isInstanceOf(MongoWriteException.class);
			});
			store.close();
		}
	}

	private static void use(MongoBackend backend, java.util.function.Consumer<MongoCollection<Document>> work) {
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			work.accept(client.getDatabase("kamibot").getCollection("stock"));
		}
		finally {
			server.shutdownNow();
		}
	}
}
