package io.kamibot.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening a store does not build a finished index again, not even one that holds no key: a sparse unique index that
 * no document has a value for yet (an order's slots while nothing is sold) would otherwise be built from every
 * document at every start, which took most of a start with a million codes.
 */
class ReopeningTest {

	private static final String COLLECTION = "stock";

	@TempDir
	Path directory;

	@Test
	void opensFinishedIndexesAsTheyAreEvenWhenTheyHoldNoKey() {
		Path file = directory.resolve("kamibot.mv");
		StoreBackend created = StoreBackend.openFile(file, false);
		use(created, stock -> {
			stock.createIndex(Indexes.ascending("order", "slot"), new IndexOptions().unique(true).sparse(true));
			stock.createIndex(Indexes.ascending("order", "status"));
			List<Document> codes = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				codes.add(new Document("_id", "c" + i).append("status", "AVAILABLE"));
			}
			stock.insertMany(codes);
		});
		created.close();

		// A document written behind the indexes' back: only building them again from the documents would find it.
		try (MVStore raw = new MVStore.Builder().fileName(file.toString()).open()) {
			MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = raw.openMap(
					StoreDatabase.DATA + "kamibot." + COLLECTION, new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
						.keyType(PositionType.INSTANCE)
						.valueType(DocumentType.INSTANCE));
			assertThat(data.sizeAsLong()).isEqualTo(200);
			data.put("hidden", new de.bwaldvogel.mongo.bson.Document("_id", "hidden").append("order", "K1")
				.append("slot", 0)
				.append("status", "RESERVED"));
			raw.commit();
		}

		StoreBackend reopened = StoreBackend.openFile(file, false);
		use(reopened, stock -> {
			// The scan sees the document; neither index was built again, so lookups through them do not.
			assertThat(stock.countDocuments(Filters.eq("status", "RESERVED"))).isEqualTo(1);
			assertThat(stock.find(Filters.and(Filters.eq("order", "K1"), Filters.eq("slot", 0))).first()).isNull();
			assertThat(stock.countDocuments(Filters.and(Filters.eq("order", "K1"), Filters.eq("status", "RESERVED"))))
				.isZero();
		});
		reopened.close();
	}

	private static void use(StoreBackend backend, Consumer<MongoCollection<Document>> work) {
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			work.accept(client.getDatabase("kamibot").getCollection(COLLECTION));
		}
		finally {
			server.shutdownNow();
		}
	}
}
