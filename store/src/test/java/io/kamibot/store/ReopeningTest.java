package io.kamibot.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What opening a store does. It applies a journal an earlier version wrote, whose records hold the document after
 * the change only. It does not build a finished index again, not even one that holds no key: a sparse unique index that
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

	@Test
	void appliesAJournalOfAnEarlierVersionByDocumentId() throws Exception {
		Path file = directory.resolve("kamibot.mv");
		StoreBackend created = StoreBackend.openFile(file, false);
		use(created, stock -> {
			stock.createIndex(Indexes.ascending("lookup"), new IndexOptions().unique(true));
			stock.createIndex(Indexes.ascending("sku", "status"));
			stock.insertMany(List.of(new Document("_id", "kept").append("lookup", "L1").append("sku", "A")
				.append("status", "AVAILABLE"),
					new Document("_id", "sold").append("lookup", "L2").append("sku", "A").append("status", "AVAILABLE"),
					new Document("_id", "voided").append("lookup", "L3").append("sku", "A").append("status", "AVAILABLE")));
		});
		created.close();
		long mark;
		try (MVStore raw = new MVStore.Builder().fileName(file.toString()).open()) {
			mark = ((Number) raw.<String, Object>openMap("journal").get("checkpoint")).longValue();
		}

		// What an earlier version appended after its last checkpoint (PUT = 1, DELETE = 2), then a crash.
		ByteBuf journal = Unpooled.buffer();
		String namespace = "kamibot." + COLLECTION;
		legacyRecord(journal, mark + 1, (byte) 1, namespace, new de.bwaldvogel.mongo.bson.Document("_id", "sold")
			.append("lookup", "L2")
			.append("sku", "A")
			.append("status", "SOLD"));
		legacyRecord(journal, mark + 2, (byte) 1, namespace, new de.bwaldvogel.mongo.bson.Document("_id", "new")
			.append("lookup", "L4")
			.append("sku", "A")
			.append("status", "AVAILABLE"));
		legacyRecord(journal, mark + 3, (byte) 2, namespace, new de.bwaldvogel.mongo.bson.Document("_id", "voided"));
		byte[] bytes = new byte[journal.readableBytes()];
		journal.readBytes(bytes);
		Files.write(Journal.files(file).get(0), bytes);

		for (int opening = 0; opening < 2; opening++) {
			StoreBackend reopened = StoreBackend.openFile(file, false);
			use(reopened, stock -> {
				assertThat(stock.find().map(d -> d.getString("_id") + ":" + d.getString("status")))
					.containsExactlyInAnyOrder("kept:AVAILABLE", "sold:SOLD", "new:AVAILABLE");
				// The indexes agree with the documents: counts by the index, lookups by the unique one.
				assertThat(stock.countDocuments(Filters.and(Filters.eq("sku", "A"), Filters.eq("status", "AVAILABLE"))))
					.isEqualTo(2);
				assertThat(stock.find(Filters.eq("lookup", "L4")).first()).isNotNull();
				assertThat(stock.find(Filters.eq("lookup", "L3")).first()).isNull();
				assertThat(stock.find(Filters.eq("lookup", "L2")).first().getString("status")).isEqualTo("SOLD");
			});
			reopened.close();
		}
	}

	/** A record as versions before the before-and-after images wrote it: the later document alone. */
	private static void legacyRecord(ByteBuf out, long sequence, byte kind, String collection,
			de.bwaldvogel.mongo.bson.Document document) {
		ByteBuf body = Unpooled.buffer();
		body.writeLong(sequence);
		body.writeByte(kind);
		byte[] name = collection.getBytes(StandardCharsets.UTF_8);
		body.writeShort(name.length);
		body.writeBytes(name);
		BsonEncoder.encodeDocument(document, body);
		CRC32 crc = new CRC32();
		crc.update(body.nioBuffer());
		out.writeInt(body.readableBytes());
		out.writeInt((int) crc.getValue());
		out.writeBytes(body);
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
