package io.kamibot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PlainFilter} against the server's own matcher, over random queries of equalities, ranges and {@code $in}
 * lists, and documents holding values of every common type, mixed, missing, null, in arrays and embedded: wherever the
 * filter decides, it must decide as the server does, and it must decide most plain cases.
 */
class PlainFilterTest {

	private static final Object MISSING = new Object();
	private static final Object[] VALUES = { null, MISSING, 0, 1, 1L, 1.0, -0.0, 2.5, -3, (1L << 60) + 1, Double.NaN,
			3e9, 3e9 + 0.5, Double.POSITIVE_INFINITY,
			"", "a", "b", "B", "1", Instant.ofEpochMilli(1), Instant.ofEpochMilli(5), true, false,
			new ObjectId("5f0000000000000000000001"), new ObjectId("5f0000000000000000000002"), List.of(1, 2),
			List.of("a"), List.of(), new Document("x", 1), new BinData(new byte[] { 1 }) };
	private static final String[] OPERATORS = { "$gt", "$gte", "$lt", "$lte", "$eq" };

	private final Random random = new Random(20261202);
	private final DefaultQueryMatcher server = new DefaultQueryMatcher();

	@Test
	void decidesAsTheServerDoes() {
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			Document document = new Document("_id", i);
			put(document, "f");
			put(document, "g");
			documents.add(document);
		}
		int decided = 0;
		int plainQueries = 0;
		for (int q = 0; q < 600; q++) {
			Document query = query();
			PlainFilter filter = PlainFilter.of(query);
			if (filter == null) {
				continue;
			}
			plainQueries++;
			for (Document document : documents) {
				Boolean plain = filter.test(document);
				if (plain != null) {
					decided++;
					assertThat(plain).as("%s against %s", query, document).isEqualTo(server.matches(document, query));
				}
			}
		}
		assertThat(plainQueries).isGreaterThan(300);
		assertThat(decided).isGreaterThan(plainQueries * documents.size() / 2);
	}

	@Test
	void leavesOtherQueriesToTheServer() {
		for (String query : List.of("{f: {$in: [1, null]}}", "{f: {$in: [[1]]}}", "{f: {$in: 1}}", "{'f.x': 1}",
				"{f: {$ne: 1}}", "{$or: [{f: 1}, {g: 1}]}",
				"{f: {x: 1}}", "{f: [1, 2]}", "{f: {$gt: 1}, $comment: 'c'}", "{f: 1, $and: [{f: 2}]}")) {
			assertThat(PlainFilter.of(parse(query))).as(query).isNull();
		}
		PlainFilter filter = PlainFilter.of(parse("{f: 1}"));
		assertThat(filter.test(new Document("f", List.of(1)))).isNull();
		assertThat(filter.test(new Document("f", new Document("x", 1)))).isNull();
		assertThat(PlainFilter.of(parse("{f: {$gt: 1}}")).test(new Document("f", (1L << 60) + 1))).isNull();
		PlainFilter oneOf = PlainFilter.of(parse("{f: {$in: ['a', 2]}, g: {$gt: 0}}"));
		assertThat(oneOf.test(new Document("f", 2.0).append("g", 1))).isTrue();
		assertThat(oneOf.test(new Document("f", "b").append("g", 1))).isFalse();
		assertThat(oneOf.test(new Document("g", 1))).isFalse();
		assertThat(oneOf.test(new Document("f", List.of("a")).append("g", 1))).isNull();
		assertThat(PlainFilter.of(parse("{f: {$in: []}}")).test(new Document("f", 1))).isFalse();
	}

	/** A query written as JSON, as the server's documents. */
	private static Document parse(String json) {
		return (Document) convert(org.bson.Document.parse(json));
	}

	private static Object convert(Object value) {
		if (value instanceof org.bson.Document json) {
			Document document = new Document();
			json.forEach((key, field) -> document.put(key, convert(field)));
			return document;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(PlainFilterTest::convert).toList();
		}
		return value;
	}

	private void put(Document document, String field) {
		Object value = VALUES[random.nextInt(VALUES.length)];
		if (value != MISSING) {
			document.put(field, value);
		}
	}

	/** One or two clauses on f and g: an equality, one bound, or two bounds, sometimes inside {@code $and}. */
	private Document query() {
		Document query = new Document();
		int clauses = 1 + random.nextInt(2);
		for (int c = 0; c < clauses; c++) {
			String field = random.nextBoolean() ? "f" : "g";
			Object condition;
			switch (random.nextInt(4)) {
				case 0 -> condition = plainValue();
				case 1 -> condition = new Document(OPERATORS[random.nextInt(OPERATORS.length)], plainValue());
				case 2 -> condition = new Document("$in", plainValues(random.nextInt(4)));
				default -> condition = new Document(OPERATORS[random.nextInt(2)], plainValue())
					.append(OPERATORS[2 + random.nextInt(2)], plainValue());
			}
			if (random.nextInt(4) == 0) {
				query.put("$and", List.of(new Document(field, condition)));
			}
			else {
				query.put(field, condition);
			}
		}
		return query;
	}

	/** A list for {@code $in}: plain values, at times with a null, which only the server's matcher decides. */
	private List<Object> plainValues(int count) {
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			values.add(random.nextInt(12) == 0 ? null : plainValue());
		}
		return values;
	}

	private Object plainValue() {
		while (true) {
			Object value = VALUES[random.nextInt(VALUES.length)];
			if (value != MISSING && !(value instanceof List) && !(value instanceof Document)) {
				return value;
			}
		}
	}
}
