package io.kamibot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Where to look for a query in one secondary index: the entries between two bounds, walked forwards or backwards.
 * {@code ordered} says the walk already yields the order asked for (no sort needed); {@code covered} says the
 * bounds say all the query says, so counting the entries between them is the answer.
 */
record Plan(SecondaryIndex index, Object[] from, Object[] to, boolean reverse, boolean ordered, boolean covered,
		int score) {

	/**
	 * The best plan over the given indexes, or null when none narrows the search (then the collection is scanned).
	 *
	 * @param limited whether the query returns a limited number of documents: only then is an index that serves
	 * just the order worth walking
	 */
	static Plan choose(Predicates predicates, Document orderBy, List<? extends Index<Object>> indexes,
			boolean limited) {
		Plan best = null;
		for (Index<Object> candidate : indexes) {
			if (candidate instanceof SecondaryIndex index && index.usable()) {
				Plan plan = of(index, predicates, orderBy, limited);
				if (plan != null && (best == null || plan.score > best.score)) {
					best = plan;
				}
			}
		}
		return best;
	}

	/**
	 * Positions from a unique index all of whose keys the query binds to a value (or, for a one-key index, to a
	 * list of values), or null when there is none.
	 */
	static Iterable<Object> byUniqueIndex(List<Index<Object>> indexes, Predicates predicates) {
		for (Index<Object> index : indexes) {
			if (index.isUnique()) {
				Document lookup = lookup(index.getKeys(), predicates);
				if (lookup != null && index.canHandle(lookup)) {
					return index.getPositions(lookup);
				}
			}
		}
		return null;
	}

	private static Document lookup(List<IndexKey> keys, Predicates predicates) {
		Document lookup = new Document();
		for (IndexKey key : keys) {
			Object value = predicates.equalTo(key.getKey());
			if (value == null || value == Predicates.NULL) {
				List<Object> values = predicates.oneOf(key.getKey());
				if (keys.size() != 1 || values == null) {
					return null;
				}
				value = new Document("$in", values);
			}
			lookup.put(key.getKey(), value);
		}
		return lookup;
	}

	private static Plan of(SecondaryIndex index, Predicates predicates, Document orderBy, boolean limited) {
		List<IndexKey> keys = index.getKeys();
		int equal = 0;
		while (equal < keys.size() && predicates.equalTo(keys.get(equal).getKey()) != null) {
			equal++;
		}
		Predicates.Range range = equal < keys.size() ? predicates.range(keys.get(equal).getKey()) : null;
		Direction direction = Direction.of(orderBy, keys, equal, predicates);
		boolean sorts = orderBy != null && !orderBy.isEmpty() && direction != Direction.NONE;
		if (equal == 0 && range == null && !(sorts && limited)) {
			return null;
		}
		boolean covered = predicates.complete() && predicates.fields() == equal + (range == null ? 0 : 1)
				&& (range == null || bracketed(range));
		if (covered && range != null) {
			range = closed(range);
		}
		Object[] from = new Object[keys.size() + 1];
		Object[] to = new Object[keys.size() + 1];
		for (int i = 0; i < equal; i++) {
			Object value = predicates.equalTo(keys.get(i).getKey());
			from[i] = value == Predicates.NULL ? null : value;
			to[i] = from[i];
		}
		fill(from, to, equal, range, equal < keys.size() && keys.get(equal).isAscending());
		int score = equal * 4 + (range == null ? 0 : 2) + (sorts ? 1 : 0);
		return new Plan(index, from, to, direction == Direction.REVERSE, direction != Direction.NONE, covered, score);
	}

	/**
	 * Fills the bounds from position {@code at} on: the range's ends in key order (a descending key starts at its
	 * high end), then sentinels that put each bound just before or just after the entries with that value.
	 */
	private static void fill(Object[] from, Object[] to, int at, Predicates.Range range, boolean ascending) {
		if (range == null || at >= from.length - 1) {
			Arrays.fill(from, at, from.length, Bound.LOW);
			Arrays.fill(to, at, to.length, Bound.HIGH);
			return;
		}
		Object start = ascending ? range.low() : range.high();
		boolean startInclusive = ascending ? range.lowInclusive() : range.highInclusive();
		Object end = ascending ? range.high() : range.low();
		boolean endInclusive = ascending ? range.highInclusive() : range.lowInclusive();
		from[at] = start == null ? Bound.LOW : start;
		Arrays.fill(from, at + 1, from.length, start == null || startInclusive ? Bound.LOW : Bound.HIGH);
		to[at] = end == null ? Bound.HIGH : end;
		Arrays.fill(to, at + 1, to.length, end == null || endInclusive ? Bound.HIGH : Bound.LOW);
	}

	/** Whether counting between the range's ends counts only values the range matches: dates, with both ends. */
	private static boolean bracketed(Predicates.Range range) {
		return (range.low() == null || range.low() instanceof Instant)
				&& (range.high() == null || range.high() instanceof Instant);
	}

	/** Closes an open end of a date range at the first or last date, so no other type falls between the ends. */
	private static Predicates.Range closed(Predicates.Range range) {
		return new Predicates.Range(range.low() == null ? Instant.MIN : range.low(),
				range.low() == null || range.lowInclusive(), range.high() == null ? Instant.MAX : range.high(),
				range.high() == null || range.highInclusive());
	}

	/** Whether and how walking an index yields the order asked for. */
	enum Direction {

		/** The index does not give this order. */
		NONE,

		/** Walking forwards gives it (or no order was asked for). */
		FORWARD,

		/** Walking backwards gives it. */
		REVERSE;

		static Direction of(Document orderBy, List<IndexKey> keys, int equal, Predicates predicates) {
			if (orderBy == null || orderBy.isEmpty()) {
				return FORWARD;
			}
			List<Map.Entry<String, Object>> wanted = new ArrayList<>();
			for (Map.Entry<String, Object> key : orderBy.entrySet()) {
				if (key.getKey().startsWith("$") || !(key.getValue() instanceof Number)) {
					return NONE;
				}
				if (predicates.equalTo(key.getKey()) == null) {
					wanted.add(key);
				}
			}
			Direction direction = FORWARD;
			for (int i = 0; i < wanted.size(); i++) {
				if (equal + i >= keys.size() || !keys.get(equal + i).getKey().equals(wanted.get(i).getKey())) {
					return NONE;
				}
				boolean up = ((Number) wanted.get(i).getValue()).doubleValue() > 0;
				Direction here = up == keys.get(equal + i).isAscending() ? FORWARD : REVERSE;
				if (i > 0 && here != direction) {
					return NONE;
				}
				direction = here;
			}
			return direction;
		}
	}
}
