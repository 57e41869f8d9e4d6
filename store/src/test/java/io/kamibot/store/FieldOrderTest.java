package io.kamibot.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sorts on the store ({@link FieldOrder}) against the server's own sort on its memory backend, over values of
 * every common type, mixed, missing, null and in arrays: the same documents in the same order.
 */
class FieldOrderTest {

	private SideBySide servers;

	@BeforeEach
	void start() {
		servers = new SideBySide();
	}

	@AfterEach
	void stop() {
		servers.close();
	}

	@Test
	void sortsAsTheServerDoes() {
		Object[] values = { 3, 2L, 2.5, -0.0, 0.0, Double.NaN, 3e9, 3e9 + 0.5, 3_000_000_000L, "b", "a", new Date(5), new Date(1), true, false, null,
				new ObjectId("5f0000000000000000000002"), new ObjectId("5f0000000000000000000001"),
				new Binary(new byte[] { 1, 2 }), new Binary(new byte[] { 9 }), List.of(4, 1), List.of("z"), List.of(),
				new Document("x", 1) };
		List<MongoCollection<Document>> both = servers.collections("sorted");
		for (MongoCollection<Document> collection : both) {
			for (int i = 0; i < values.length * 2; i++) {
				Document document = new Document("_id", i).append("group", i % 3);
				if (i < values.length) {
					collection.insertOne(document.append("v", values[i]));
				}
				else {
					collection.insertOne(i % 2 == 0 ? document : document.append("v", values[i % values.length]));
				}
			}
		}
		for (String sort : List.of("{v: 1, _id: 1}", "{v: -1, _id: 1}", "{group: 1, v: -1, _id: -1}",
				"{group: -1, v: 1, _id: 1}")) {
			List<List<Object>> orders = new ArrayList<>();
			for (MongoCollection<Document> collection : both) {
				orders.add(collection.find().sort(Document.parse(sort)).map(d -> d.get("_id")).into(new ArrayList<>()));
			}
			assertThat(orders.get(0)).as(sort).isEqualTo(orders.get(1));
		}
	}
}
