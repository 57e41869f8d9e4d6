package io.kamibot.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same random queries, counts and updates against the store with its indexes and against the server's memory
 * backend, which has none (it scans): every answer must be the same. An index may only change where the server
 * looks, never what it finds.
 */
class IndexedQueriesTest {

	private static final String[] SKUS = { "A", "B", "C" };
	private static final String[] STATUSES = { "AVAILABLE", "RESERVED", "SOLD", "VOID" };
	private static final long DAY = 86_400_000L;
	private static final long EPOCH = 1_780_000_000_000L;

	private static StoreBackend indexedBackend;
	private static MongoServer indexedServer;
	private static MongoServer scanningServer;
	private static MongoClient indexedClient;
	private static MongoClient scanningClient;

	private final Random random = new Random(20261202);

	@BeforeAll
	static void startServers() {
		indexedBackend = StoreBackend.inMemory();
		indexedServer = new MongoServer(indexedBackend);
		scanningServer = new MongoServer(new MemoryBackend());
		indexedClient = MongoClients.create(indexedServer.bindAndGetConnectionString());
		scanningClient = MongoClients.create(scanningServer.bindAndGetConnectionString());
	}

	@AfterAll
	static void stopServers() {
		indexedClient.close();
		scanningClient.close();
		indexedServer.shutdownNow();
		scanningServer.shutdownNow();
	}

	@Test
	void answersRandomQueriesExactlyAsAScanDoes() {
		List<MongoCollection<Document>> both = collections("codes");
		for (MongoCollection<Document> collection : both) {
			collection.createIndex(Indexes.ascending("sku", "status", "sellBy"));
			collection.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("n")));
			collection.createIndex(Indexes.descending("sellBy"));
			collection.createIndex(Indexes.compoundIndex(Indexes.ascending("key"), Indexes.descending("flag")));
		}
		insertRandomDocuments(both, 1500);
		for (int round = 0; round < 300; round++) {
			Bson filter = randomFilter();
			Bson sort = randomSort();
			int limit = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(6);
			assertSameFind(both, filter, sort, limit);
			assertThat(both.get(0).countDocuments(filter)).as("count %s", filter)
				.isEqualTo(both.get(1).countDocuments(filter));
			CountOptions capped = new CountOptions().limit(1 + random.nextInt(50));
			assertThat(both.get(0).countDocuments(filter, capped)).as("capped count %s", filter)
				.isEqualTo(both.get(1).countDocuments(filter, capped));
			if (round % 5 == 0) {
				mutate(both);
			}
		}
		assertThat(contents(both.get(0))).isEqualTo(contents(both.get(1)));
		assertThat(planFor(new Document("sku", "A").append("status", "AVAILABLE"))).isNotNull();
	}

	@Test
	void keepsAnsweringWhenAFieldHoldsAnArray() {
		List<MongoCollection<Document>> both = collections("tagged");
		for (MongoCollection<Document> collection : both) {
			collection.createIndex(Indexes.ascending("tag", "n"));
			collection.insertMany(List.of(new Document("_id", 1).append("tag", List.of("x", "y")).append("n", 1),
					new Document("_id", 2).append("tag", "x").append("n", 2),
					new Document("_id", 3).append("tag", List.of()).append("n", 3)));
		}
		for (Bson filter : List.of(Filters.eq("tag", "x"), Filters.eq("tag", "y"), Filters.gt("n", 1),
				Filters.and(Filters.eq("tag", "x"), Filters.gte("n", 2)))) {
			assertSameFind(both, filter, Sorts.ascending("n"), 0);
			assertThat(both.get(0).countDocuments(filter)).isEqualTo(both.get(1).countDocuments(filter));
		}
	}

	private Plan planFor(Document query) {
		var database = (StoreDatabase) indexedBackend.resolveDatabase("test");
		var collection = (StoreCollection) database.resolveCollection("codes", true);
		List<SecondaryIndex> indexes = collection.getIndexes().stream()
			.filter(SecondaryIndex.class::isInstance)
			.map(SecondaryIndex.class::cast)
			.toList();
		return Plan.choose(Predicates.of(new de.bwaldvogel.mongo.bson.Document(query)), null, indexes, false);
	}

	private List<MongoCollection<Document>> collections(String name) {
		return List.of(indexedClient.getDatabase("test").getCollection(name),
				scanningClient.getDatabase("test").getCollection(name));
	}

	private void insertRandomDocuments(List<MongoCollection<Document>> both, int count) {
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			documents.add(randomDocument(i));
		}
		for (MongoCollection<Document> collection : both) {
			collection.insertMany(documents.stream().map(d -> new Document(d)).toList());
		}
	}

	private Document randomDocument(int id) {
		Document document = new Document("_id", id).append("sku", SKUS[random.nextInt(SKUS.length)])
			.append("status", STATUSES[random.nextInt(STATUSES.length)]);
		int shape = random.nextInt(10);
		if (shape < 7) {
			document.append("sellBy", randomDate());
		}
		else if (shape == 7) {
			document.append("sellBy", null);
		}
		else if (shape == 8) {
			document.append("sellBy", "never");
		}
		if (random.nextInt(5) > 0) {
			document.append("key", randomKey()).append("flag", random.nextBoolean());
		}
		int n = random.nextInt(21) - 10;
		document.append("n", switch (random.nextInt(3)) {
			case 0 -> (Object) n;
			case 1 -> (Object) (long) n;
			default -> (Object) (n / 2.0);
		});
		return document;
	}

	/** Binary data of one or two bytes: shorter sorts first, then unsigned byte order. */
	private Binary randomKey() {
		byte[] key = new byte[1 + random.nextInt(2)];
		key[0] = (byte) (random.nextBoolean() ? random.nextInt(4) : 252 + random.nextInt(4));
		if (key.length > 1) {
			key[1] = (byte) random.nextInt(256);
		}
		return new Binary(key);
	}

	private Date randomDate() {
		return new Date(EPOCH + random.nextInt(30) * DAY);
	}

	private Bson randomFilter() {
		List<Bson> parts = new ArrayList<>();
		if (random.nextInt(3) > 0) {
			parts.add(Filters.eq("sku", SKUS[random.nextInt(SKUS.length)]));
		}
		switch (random.nextInt(4)) {
			case 0 -> parts.add(Filters.eq("status", STATUSES[random.nextInt(STATUSES.length)]));
			case 1 -> parts.add(Filters.in("status", STATUSES[random.nextInt(STATUSES.length)]));
			case 2 -> parts.add(Filters.in("status", STATUSES[random.nextInt(STATUSES.length)],
					STATUSES[random.nextInt(STATUSES.length)]));
			default -> {
			}
		}
		switch (random.nextInt(10)) {
			case 7 -> parts.add(Filters.gt("key", randomKey()));
			case 8 -> parts.add(Filters.and(Filters.gte("key", randomKey()), Filters.lte("key", randomKey())));
			case 9 -> parts.add(Filters.and(Filters.eq("key", randomKey()), Filters.eq("flag", random.nextBoolean())));
			case 5 -> parts.add(Filters.eq("sellBy", null));
			case 0 -> parts.add(Filters.gt("sellBy", randomDate()));
			case 1 -> parts.add(Filters.lte("sellBy", randomDate()));
			case 2 -> parts.add(Filters.and(Filters.gte("sellBy", randomDate()), Filters.lt("sellBy", randomDate())));
			case 3 -> parts.add(Filters.gt("n", random.nextInt(11) - 5));
			case 4 -> parts.add(Filters.eq("n", random.nextInt(11) - 5));
			default -> {
			}
		}
		if (random.nextInt(8) == 0) {
			parts.add(Filters.ne("n", 0));
		}
		if (random.nextInt(10) == 0) {
			parts.add(Filters.in("_id", random.nextInt(1500), random.nextInt(1500), random.nextInt(1500)));
		}
		return parts.isEmpty() ? new Document() : Filters.and(parts);
	}

	private Bson randomSort() {
		return switch (random.nextInt(7)) {
			case 5 -> Sorts.ascending("key");
			case 6 -> Sorts.orderBy(Sorts.ascending("key"), Sorts.descending("flag"));
			case 0 -> Sorts.ascending("sellBy");
			case 1 -> Sorts.descending("sellBy");
			case 2 -> Sorts.descending("n");
			case 3 -> Sorts.ascending("n");
			default -> null;
		};
	}

	private void mutate(List<MongoCollection<Document>> both) {
		Bson filter = randomFilter();
		Document update = new Document("$set", new Document("status", STATUSES[random.nextInt(STATUSES.length)])
			.append("sellBy", randomDate()));
		Bson allocation = Filters.and(Filters.eq("sku", SKUS[random.nextInt(SKUS.length)]),
				Filters.eq("status", "AVAILABLE"), Filters.gt("sellBy", randomDate()));
		FindOneAndUpdateOptions earliest = new FindOneAndUpdateOptions().sort(Sorts.ascending("sellBy", "_id"));
		Document replacement = randomDocument(100_000 + random.nextInt(1000));
		int deleted = random.nextInt(1500);
		for (MongoCollection<Document> collection : both) {
			collection.updateMany(filter, update);
		}
		for (MongoCollection<Document> collection : both) {
			collection.findOneAndUpdate(allocation, Updates.set("status", "RESERVED"), earliest);
		}
		for (MongoCollection<Document> collection : both) {
			collection.deleteOne(Filters.eq("_id", deleted));
			collection.deleteMany(Filters.eq("_id", replacement.get("_id")));
			collection.insertOne(new Document(replacement));
		}
		assertThat(contents(both.get(0))).as("after updating %s and taking %s", filter, allocation)
			.isEqualTo(contents(both.get(1)));
	}

	private static void assertSameFind(List<MongoCollection<Document>> both, Bson filter, Bson sort, int limit) {
		List<Document> indexed = find(both.get(0), filter, sort, limit);
		List<Document> scanned = find(both.get(1), filter, sort, limit);
		String what = "find " + filter + " sort " + sort + " limit " + limit;
		assertThat(indexed.stream().map(d -> d.get("_id")).distinct().count()).as("duplicates in " + what)
			.isEqualTo(indexed.size());
		assertThat(indexed).as(what).hasSameSizeAs(scanned);
		if (sort != null) {
			// Ties may come in another order: the sorted values must agree, and each document must match.
			String field = sort.toBsonDocument().getFirstKey();
			assertThat(indexed.stream().map(d -> sortValue(d.get(field))).toList()).as(what)
				.isEqualTo(scanned.stream().map(d -> sortValue(d.get(field))).toList());
		}
		Set<Object> matching = ids(find(both.get(1), filter, null, 0));
		assertThat(ids(indexed)).as(what).isSubsetOf(matching);
		if (limit == 0) {
			assertThat(ids(indexed)).as(what).isEqualTo(ids(scanned));
		}
	}

	/** Equal numbers of different types tie in a sort, so they are compared as numbers. */
	private static String sortValue(Object value) {
		return value instanceof Number number ? String.valueOf(number.doubleValue()) : String.valueOf(value);
	}

	private static List<Document> find(MongoCollection<Document> collection, Bson filter, Bson sort, int limit) {
		var find = collection.find(filter).limit(limit);
		if (sort != null) {
			find.sort(sort);
		}
		return find.into(new ArrayList<>());
	}

	private static Set<Object> ids(List<Document> documents) {
		Set<Object> ids = new HashSet<>();
		documents.forEach(d -> ids.add(d.get("_id")));
		return ids;
	}

	private static List<Document> contents(MongoCollection<Document> collection) {
		return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
	}
}
