package io.kamibot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients send up to 100,000 writes in one command, as to MongoDB, so a bulk write of thousands waits for one
 * journal write instead of one per thousand; such a command is answered as any other and its writes are all kept.
 */
@Timeout(120)
class WriteBatchesTest {

	private static final int CODES = 2_500;

	@TempDir
	Path directory;

	@Test
	void takesThousandsOfConditionalMovesInOneCommandAndKeepsThemAll() {
		Path file = directory.resolve("shop.mv");
		Path crashed = directory.resolve("crashed.mv");
		StoreBackend backend = StoreBackend.openFile(file, false);
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			Document handshake = client.getDatabase("admin").runCommand(new Document("isMaster", 1));
			assertThat(handshake.getInteger("maxWriteBatchSize")).isEqualTo(100_000);

			MongoCollection<Document> codes = client.getDatabase("shop").getCollection("codes");
			codes.createIndex(Indexes.ascending("status", "n"));
			List<Document> stock = new ArrayList<>();
			for (int n = 0; n < CODES; n++) {
				// Padded so the one command's journal records span several of its chunks.
				stock.add(new Document("_id", n).append("n", n).append("status", n % 5 == 0 ? "SOLD" : "AVAILABLE")
					.append("pad", "x".repeat(600)));
			}
			codes.insertMany(stock, new InsertManyOptions().ordered(false));
			List<WriteModel<Document>> moves = new ArrayList<>();
			for (int n = 0; n < CODES; n++) {
				moves.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", n), Filters.eq("status", "AVAILABLE")),
						Updates.combine(Updates.set("status", "RESERVED"), Updates.set("slot", n))));
			}

			assertThat(codes.bulkWrite(moves, new BulkWriteOptions().ordered(false)).getModifiedCount())
				.isEqualTo(CODES * 4 / 5);
			// What kill -9 would leave now: the journal holds the command, the store file what was committed.
			backend.whileStill(() -> copy(file, crashed));
		}
		finally {
			server.shutdownNow();
		}
		for (Path reopenedFile : List.of(file, crashed)) {
			MongoServer reopened = new MongoServer(StoreBackend.openFile(reopenedFile, false));
			try (MongoClient client = MongoClients.create(reopened.bindAndGetConnectionString())) {
				MongoCollection<Document> codes = client.getDatabase("shop").getCollection("codes");
				assertThat(codes.countDocuments(Filters.eq("status", "RESERVED"))).isEqualTo(CODES * 4 / 5);
				assertThat(codes.countDocuments(Filters.eq("status", "SOLD"))).isEqualTo(CODES / 5);
			}
			finally {
				reopened.shutdownNow();
			}
		}
	}

	private static void copy(Path store, Path copy) {
		try {
			Files.copy(store, copy);
			for (int i = 0; i < Journal.files(store).size(); i++) {
				Files.copy(Journal.files(store).get(i), Journal.files(copy).get(i));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
