package io.kamibot.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's own update of top-level fields ({@link FieldSets}) against the server's update on its memory backend:
 * every update must match and modify the same documents, leave the same documents with their fields in the same
 * order, and fail the same way; the updates it does not make itself must still be made (by the server's way).
 */
class FieldSetsTest {

	private SideBySide servers;
	private List<MongoCollection<Document>> both;

	@BeforeEach
	void start() {
		servers = new SideBySide();
		both = servers.collections("codes");
		for (MongoCollection<Document> codes : both) {
			codes.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
			codes.createIndex(Indexes.ascending("order", "slot"), new IndexOptions().unique(true).sparse(true));
			codes.createIndex(Indexes.ascending("status", "n"));
			for (int i = 0; i < 6; i++) {
				Document code = new Document("_id", i).append("code", "C" + i).append("status", "AVAILABLE")
					.append("n", i % 2 == 0 ? (Object) i : (Object) (double) i);
				codes.insertOne(i == 5 ? code.append("note", null) : code);
			}
		}
	}

	@AfterEach
	void stop() {
		servers.close();
	}

	@Test
	void updatesAsTheServerDoes() {
		same(Filters.eq("_id", 0), "{$set: {status: 'RESERVED', order: 'A', slot: 0}}", false);
		same(Filters.eq("_id", 0), "{$set: {status: 'RESERVED', order: 'A', slot: 0}}", false);
		// Equal numbers of another type, null over null: no change; null over a missing field: a change.
		same(Filters.eq("_id", 2), "{$set: {n: 2.0, note: null}}", false);
		same(Filters.eq("_id", 5), "{$set: {note: null}}", false);
		same(Filters.eq("_id", 1), "{$unset: {n: ''}, $set: {extra: 'x'}, $setOnInsert: {made: true}}", false);
		same(Filters.eq("_id", 1), "{$unset: {missing: ''}}", false);
		same(Filters.eq("status", "AVAILABLE"), "{$set: {status: 'SOLD', batch: 7}}", true);
		same(Filters.and(Filters.eq("status", "SOLD"), Filters.gt("n", 2)), "{$set: {order: 'B', slot: 1}}", true);
		same(Filters.eq("_id", 4), "{$set: {order: 'B', slot: 1}}", false);
		same(Filters.eq("_id", 3), "{$set: {code: 'C4'}}", false);
		same(Filters.eq("_id", 9), "{$set: {status: 'VOID'}}", false);
		// Made the server's way: paths, structured values, _id, operators it does not know, upserts that insert.
		same(Filters.eq("_id", 3), "{$set: {'detail.kind': 'gift', tags: ['a']}}", false);
		same(Filters.eq("_id", 3), "{$set: {detail: {kind: 'card'}}, $inc: {n: 1}}", false);
		same(Filters.eq("_id", 3), "{$set: {_id: 3}}", false);
		same(Filters.eq("_id", 3), "{$set: {status: 'VOID'}, $unset: {status: ''}}", false);
		same(Filters.eq("_id", 8), "{$set: {status: 'VOID'}, $setOnInsert: {code: 'C8'}}", true);
		assertThat(contents(both.get(0))).hasSize(7);
	}

	/** Runs the update on both servers and compares what it answered and what the collections hold after it. */
	private void same(Bson filter, String update, boolean many) {
		Document change = Document.parse(update);
		List<String> answers = new ArrayList<>();
		for (MongoCollection<Document> codes : both) {
			Function<UpdateOptions, UpdateResult> run = options -> many ? codes.updateMany(filter, change, options)
					: codes.updateOne(filter, change, options);
			answers.add(answer(() -> run.apply(new UpdateOptions().upsert(update.contains("setOnInsert: {code")))));
		}
		String what = "update " + filter + " with " + update;
		assertThat(answers.get(0)).as(what).isEqualTo(answers.get(1));
		assertThat(contents(both.get(0))).as(what).isEqualTo(contents(both.get(1)));
	}

	private static String answer(java.util.function.Supplier<UpdateResult> update) {
		try {
			UpdateResult result = update.get();
			return "matched " + result.getMatchedCount() + ", modified " + result.getModifiedCount() + ", upserted "
					+ result.getUpsertedId();
		}
		catch (MongoException e) {
			return "failed with " + e.getCode();
		}
	}

	/** The documents as JSON, which keeps their fields' order and their numbers' types. */
	private static List<String> contents(MongoCollection<Document> codes) {
		return codes.find().sort(Sorts.ascending("_id")).map(Document::toJson).into(new ArrayList<>());
	}
}
