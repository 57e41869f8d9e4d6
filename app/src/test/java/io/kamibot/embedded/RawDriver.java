package io.kamibot.embedded;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * The raw MongoDB driver on the app's own embedded server: the yardstick beside the app's import, and the quick way
 * to a long order history (copies of real purchases' documents under new order numbers).
 */
final class RawDriver implements AutoCloseable {

	/** What a purchase leaves behind; each of these documents names its order in {@code _id} or {@code orderNo}. */
	private static final List<String> HISTORY = List.of("orders", "payments", "payment_starts", "deliveries",
			"code_views", "stock");
	private static final String ORDER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final int BATCH = 1000;
	private static final String SCRATCH = "bench_raw_stock";
	private static final Date NEVER = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

	/** @param count documents written, @param nanos how long it took */
	record Timed(long count, long nanos) {

		double perSecond() {
			return nanos == 0 ? 0 : count / (nanos / 1e9);
		}
	}

	private final SecureRandom random = new SecureRandom();
	private final MongoClient client;
	private final MongoDatabase database;

	RawDriver(String hostAndPort) {
		this.client = MongoClients.create("mongodb://" + hostAndPort);
		this.database = client.getDatabase("kamibot");
	}

	/**
	 * {@code insertMany} of documents shaped like imported codes, 1,000 at a time and unordered as the app's import
	 * does, into a scratch collection with the stock's indexes, which is dropped afterwards.
	 */
	Timed insertMany(long count, Instant deadline) {
		MongoCollection<Document> scratch = database.getCollection(SCRATCH);
		if (database.listCollectionNames().into(new ArrayList<>()).contains(SCRATCH)) {
			// Left over from a run that was cut short. (Dropping a missing collection logs an error on this server.)
			scratch.drop();
		}
		scratch.createIndex(Indexes.ascending("lookup"), new IndexOptions().unique(true));
		scratch.createIndex(Indexes.ascending("orderNo", "slot"), new IndexOptions().unique(true).sparse(true));
		scratch.createIndex(Indexes.ascending("sku", "status", "sellBy"));
		long start = System.nanoTime();
		long written = 0;
		List<Document> batch = new ArrayList<>(BATCH);
		while (written < count && Instant.now().isBefore(deadline)) {
			Date now = new Date();
			batch.add(new Document("sku", "RAW").append("status", "AVAILABLE")
				.append("lookup", hex(32))
				.append("keyId", "k1")
				.append("cipher", new Binary(bytes(48)))
				.append("batchId", "raw")
				.append("expiresAt", null)
				.append("sellBy", NEVER)
				.append("importedAt", now)
				.append("changedAt", now));
			if (batch.size() == BATCH || written + batch.size() == count) {
				scratch.insertMany(batch, new InsertManyOptions().ordered(false));
				written += batch.size();
				batch.clear();
			}
		}
		Timed timed = new Timed(written, System.nanoTime() - start);
		scratch.drop();
		return timed;
	}

	/**
	 * Adds {@code copies} orders by copying the documents of the given real orders (order, payment, its start,
	 * delivery, code views, sold codes) under new order numbers, with new object ids and code fingerprints.
	 *
	 * @return how many orders were added before the deadline
	 */
	long cloneOrders(List<String> orderNos, long copies, Instant deadline) {
		Map<String, Map<String, List<Document>>> templates = templatesOf(orderNos);
		List<String> sources = List.copyOf(templates.keySet());
		long added = 0;
		while (added < copies && Instant.now().isBefore(deadline)) {
			Map<String, List<Document>> batch = new HashMap<>();
			int orders = (int) Math.min(BATCH, copies - added);
			for (int i = 0; i < orders; i++) {
				String source = sources.get((int) ((added + i) % sources.size()));
				String orderNo = source.substring(0, 7) + orderSuffix();
				templates.get(source).forEach((collection, documents) -> documents.forEach(
						d -> batch.computeIfAbsent(collection, c -> new ArrayList<>()).add(copy(d, source, orderNo))));
			}
			batch.forEach((collection, documents) -> insert(database.getCollection(collection), documents));
			added += orders;
		}
		return added;
	}

	/** Orders in the app's database, as the server counts its collection. */
	long orders() {
		return database.getCollection("orders").estimatedDocumentCount();
	}

	@Override
	public void close() {
		client.close();
	}

	/** Order number → collection → that order's documents there. */
	private Map<String, Map<String, List<Document>>> templatesOf(List<String> orderNos) {
		Map<String, Map<String, List<Document>>> templates = new LinkedHashMap<>();
		orderNos.forEach(orderNo -> templates.put(orderNo, new HashMap<>()));
		for (String collection : HISTORY) {
			for (Document document : database.getCollection(collection)
				.find(Filters.or(Filters.in("_id", orderNos), Filters.in("orderNo", orderNos)))) {
				Object owner = document.get("orderNo") instanceof String orderNo ? orderNo : document.get("_id");
				Map<String, List<Document>> order = templates.get(owner);
				if (order != null) {
					order.computeIfAbsent(collection, c -> new ArrayList<>()).add(document);
				}
			}
		}
		if (templates.isEmpty()) {
			throw new IllegalStateException("No real orders to copy");
		}
		return templates;
	}

	private Object copy(Object value, String from, String to) {
		if (value instanceof Document document) {
			Document copy = new Document();
			document.forEach((key, field) -> copy.append(key, key.equals("lookup") ? fingerprintLike(field)
					: copy(field, from, to)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(item -> copy(item, from, to)).toList();
		}
		if (value instanceof String text) {
			return text.replace(from, to);
		}
		if (value instanceof ObjectId) {
			return new ObjectId();
		}
		return value;
	}

	private Document copy(Document document, String from, String to) {
		return (Document) copy((Object) document, from, to);
	}

	private Object fingerprintLike(Object lookup) {
		if (lookup instanceof String text) {
			return hex(text.length() / 2);
		}
		if (lookup instanceof Binary binary) {
			return new Binary(bytes(binary.length()));
		}
		return lookup;
	}

	private static void insert(MongoCollection<Document> collection, List<Document> documents) {
		try {
			collection.insertMany(documents, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException e) {
			// A made-up order number that happened to exist already: one copy fewer, nothing wrong.
		}
	}

	private String orderSuffix() {
		StringBuilder suffix = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			suffix.append(ORDER_ALPHABET.charAt(random.nextInt(ORDER_ALPHABET.length())));
		}
		return suffix.toString();
	}

	private String hex(int bytes) {
		return HexFormat.of().formatHex(bytes(bytes));
	}

	private byte[] bytes(int count) {
		byte[] value = new byte[count];
		random.nextBytes(value);
		return value;
	}
}
