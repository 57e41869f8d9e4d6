package io.kamibot.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys read by {@link FlatKeys} are the server's own: an index written before (by the server's walk) and after
 * must hold the same entries, or a lookup would miss a document.
 */
class FlatKeysTest {

	private static final List<IndexKey> KEYS = List.of(new IndexKey("a", true), new IndexKey("b", false));

	private final FlatKeys flat = new FlatKeys(KEYS);
	private final ServerWalk server = new ServerWalk(KEYS);

	@Test
	void readsEveryKindOfValueAsTheServerDoes() {
		List<Object> values = new ArrayList<>(Arrays.asList(null, 1, 1L, 1.0, -0.0, 0, Long.MAX_VALUE, 9_007_199_254_740_993L,
				Double.NaN, 2.5f, "text", "", true, new Date(0), new byte[] { 1, 2 }, new ObjectId(), UUID.randomUUID(),
				new Document("x", 1).append("y", new Document("z", -0.0))));
		for (Object a : values) {
			for (Object b : values) {
				Document document = new Document("_id", 1).append("a", a).append("b", b);
				assertThat(Set.of(flat.normalised(document))).as("a=%s b=%s", a, b)
					.isEqualTo(server.getKeyValues(document));
			}
		}
	}

	@Test
	void readsMissingFieldsAsTheServerDoes() {
		for (Document document : List.of(new Document(), new Document("a", 7), new Document("b", "x"))) {
			assertThat(Set.of(flat.normalised(document))).isEqualTo(server.getKeyValues(document));
		}
		assertThat(flat.lacksAll(new Document("c", 1))).isTrue();
		assertThat(flat.lacksAll(new Document("b", null))).isFalse();
	}

	@Test
	void leavesArraysAndPathsToTheServer() {
		assertThat(flat.normalised(new Document("a", List.of(1, 2)))).isNull();
		assertThat(flat.raw(new Document("b", List.of()))).isNull();
		FlatKeys path = new FlatKeys(List.of(new IndexKey("a.b", true)));
		assertThat(path.normalised(new Document("a", new Document("b", 1)))).isNull();
		assertThat(path.lacksAll(new Document())).isNull();
	}

	/** The server's general key walk, which the store's indexes use for what {@link FlatKeys} leaves. */
	private static final class ServerWalk extends Index<Object> {

		ServerWalk(List<IndexKey> keys) {
			super("walk", keys, false);
		}

		// @formatter:off
		@Override public Object getPosition(Document document) { return null; }
		@Override public void checkAdd(Document document, MongoCollection<Object> collection) { }
		@Override public void add(Document document, Object position, MongoCollection<Object> collection) { }
		@Override public Object remove(Document document) { return null; }
		@Override public boolean canHandle(Document query) { return false; }
		@Override public Iterable<Object> getPositions(Document query) { return List.of(); }
		@Override public long getCount() { return 0; }
		@Override public long getDataSize() { return 0; }
		@Override public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> c) { }
		@Override public void updateInPlace(Document o, Document n, Object p, MongoCollection<Object> c) { }
		@Override public void drop() { }
		// @formatter:on
	}
}
