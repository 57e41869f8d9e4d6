package io.kamibot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The part of a query an index can answer: equalities and ranges on fields with plain values, taken from the top
 * level and from {@code $and}. Everything else stays with the filter that checks every document fetched, so reading
 * a query here can only narrow where to look, never change what matches.
 */
final class Predicates {

	/**
	 * Stands for an equality with null, which matches null and missing fields alike, as the index keeps both: as
	 * null. Kept apart from Java's null, which here means "not bound".
	 */
	static final Object NULL = NullValue.INSTANCE;

	private final Map<String, Object> equal = new LinkedHashMap<>();
	private final Map<String, Range> ranges = new LinkedHashMap<>();
	private final Map<String, List<Object>> lists = new LinkedHashMap<>();
	/** Whether the query says nothing beyond equalities, ranges and {@code $in} lists of plain values. */
	private boolean plain = true;

	static Predicates of(Document query) {
		Predicates predicates = new Predicates();
		predicates.read(query);
		return predicates;
	}

	/** Every equality, by field, in the query's order ({@link #NULL} for an equality with null). */
	Map<String, Object> equalities() {
		return equal;
	}

	/** Every range, by field. */
	Map<String, Range> ranges() {
		return ranges;
	}

	Object equalTo(String field) {
		return equal.get(field);
	}

	Range range(String field) {
		return ranges.get(field);
	}

	/** The values of an {@code $in} on the field, when all of them are values an index can look up. */
	List<Object> oneOf(String field) {
		return lists.get(field);
	}

	/** Whether the query says nothing beyond these equalities and ranges. */
	boolean complete() {
		return plain && lists.isEmpty();
	}

	/** Every {@code $in} list of plain values, by field. */
	Map<String, List<Object>> lists() {
		return lists;
	}

	/** Whether the query says nothing beyond equalities, ranges and {@code $in} lists of plain values. */
	boolean plain() {
		return plain;
	}

	/** How many fields are constrained. */
	int fields() {
		return equal.size() + ranges.size();
	}

	private void read(Document query) {
		for (Map.Entry<String, Object> clause : query.entrySet()) {
			String field = clause.getKey();
			Object condition = clause.getValue();
			if (field.equals("$and") && condition instanceof Collection<?> parts) {
				for (Object part : parts) {
					if (part instanceof Document document) {
						read(document);
					}
					else {
						plain = false;
					}
				}
			}
			else if (field.startsWith("$")) {
				plain = false;
			}
			else if (condition instanceof Document operators) {
				readOperators(field, operators);
			}
			else {
				equality(field, condition);
			}
		}
	}

	private void readOperators(String field, Document operators) {
		if (operators.isEmpty()) {
			plain = false;
			return;
		}
		for (Map.Entry<String, Object> operator : operators.entrySet()) {
			Object value = operator.getValue();
			switch (operator.getKey()) {
				case "$eq" -> equality(field, value);
				case "$gt" -> bound(field, value, true, false);
				case "$gte" -> bound(field, value, true, true);
				case "$lt" -> bound(field, value, false, false);
				case "$lte" -> bound(field, value, false, true);
				case "$in" -> oneOf(field, value);
				default -> plain = false;
			}
		}
	}

	private void equality(String field, Object value) {
		Object key = value == null ? NULL : indexable(value);
		if (key == null || equal.containsKey(field) || ranges.containsKey(field)) {
			plain = false;
			return;
		}
		equal.put(field, key);
	}

	/** An {@code $in}: read for the planner and the plain filter, never complete for counts from the index alone. */
	private void oneOf(String field, Object values) {
		if (!(values instanceof Collection<?> candidates) || lists.containsKey(field)) {
			plain = false;
			return;
		}
		List<Object> keys = new ArrayList<>();
		for (Object candidate : candidates) {
			Object key = indexable(candidate);
			if (key == null) {
				plain = false;
				return;
			}
			keys.add(key);
		}
		lists.put(field, keys);
	}

	private void bound(String field, Object value, boolean lower, boolean inclusive) {
		Object key = indexable(value);
		if (key == null || equal.containsKey(field)) {
			plain = false;
			return;
		}
		Range range = ranges.getOrDefault(field, Range.ALL);
		Range narrowed = lower ? range.from(key, inclusive) : range.to(key, inclusive);
		if (narrowed == null) {
			plain = false;
			return;
		}
		ranges.put(field, narrowed);
	}

	/**
	 * The value as the index keeps it, or null when the index cannot look it up: arrays, documents, regular
	 * expressions and the rarer types are matched by the filter alone.
	 */
	static Object indexable(Object value) {
		if (value instanceof String || value instanceof Instant || value instanceof ObjectId
				|| value instanceof Boolean) {
			return value;
		}
		if (value instanceof Number number) {
			return normalised(number);
		}
		return null;
	}

	/** Numbers as the server's indexes keep them: doubles, unless a long that a double cannot hold. */
	private static Object normalised(Number number) {
		if (number instanceof Long l && (long) (double) l != l) {
			return l;
		}
		if (!(number instanceof Double || number instanceof Float || number instanceof Long
				|| number instanceof Integer || number instanceof Short || number instanceof Byte)) {
			return null;
		}
		double value = number.doubleValue();
		return value == 0.0 ? 0.0 : value;
	}

	private enum NullValue {
		INSTANCE
	}

	/** Bounds on one field; either end may be open. */
	record Range(Object low, boolean lowInclusive, Object high, boolean highInclusive) {

		static final Range ALL = new Range(null, false, null, false);

		Range from(Object value, boolean inclusive) {
			return low == null ? new Range(value, inclusive, high, highInclusive) : null;
		}

		Range to(Object value, boolean inclusive) {
			return high == null ? new Range(low, lowInclusive, value, inclusive) : null;
		}
	}
}
