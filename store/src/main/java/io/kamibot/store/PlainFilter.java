package io.kamibot.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Checks documents against a query made only of equalities and ranges on top-level fields with plain values (what
 * {@link Predicates} reads completely): a field read and a comparison per clause. The server's matcher splits every
 * key with a regular expression and boxes every number it compares, for every document: a fifth of the store's CPU
 * in a bulk order, and most of what its updates' filters allocated.
 * <p>
 * It decides only where the server's rules are plain: a document whose field holds an array, an embedded document or
 * a rarer type, or two numbers a double cannot both hold, is left undecided for the server's matcher.
 */
final class PlainFilter {

	/** A null or missing field's value. */
	private static final Object ABSENT = new Object();
	/** A value only the server's matcher decides on. */
	private static final Object UNDECIDED = new Object();

	private final String[] equalFields;
	private final Object[] equalKeys;
	private final String[] rangeFields;
	private final Predicates.Range[] ranges;
	private final String[] listFields;
	private final Set<?>[] lists;

	private PlainFilter(Predicates predicates) {
		Map<String, Object> equal = predicates.equalities();
		Map<String, Predicates.Range> bounds = predicates.ranges();
		equalFields = equal.keySet().toArray(String[]::new);
		equalKeys = equal.values().toArray();
		rangeFields = bounds.keySet().toArray(String[]::new);
		ranges = bounds.values().toArray(Predicates.Range[]::new);
		listFields = predicates.lists().keySet().toArray(String[]::new);
		lists = predicates.lists().values().stream().map(HashSet::new).toArray(Set<?>[]::new);
	}

	/**
	 * The filter for the query, or null when it says more than equalities, ranges and {@code $in} lists of plain
	 * values on top-level fields.
	 */
	static PlainFilter of(Document query) {
		return of(Predicates.of(query));
	}

	private static PlainFilter of(Predicates predicates) {
		if (!predicates.plain()) {
			return null;
		}
		for (Set<String> fields : List.of(predicates.equalities().keySet(), predicates.ranges().keySet(),
				predicates.lists().keySet())) {
			for (String field : fields) {
				if (!plain(field)) {
					return null;
				}
			}
		}
		return new PlainFilter(predicates);
	}

	private static boolean plain(String field) {
		return !field.isEmpty() && field.indexOf('.') < 0 && !field.startsWith("$");
	}

	/** Whether the document matches; null when the server's matcher must say. */
	Boolean test(Document document) {
		for (int i = 0; i < equalFields.length; i++) {
			Object key = keyOf(document.get(equalFields[i]));
			if (key == UNDECIDED) {
				return null;
			}
			if (equalKeys[i] == Predicates.NULL ? key != ABSENT : !key.equals(equalKeys[i])) {
				return Boolean.FALSE;
			}
		}
		for (int i = 0; i < listFields.length; i++) {
			// The lists hold no null (it is not a plain value): a missing field or null is in none.
			Object key = keyOf(document.get(listFields[i]));
			if (key == UNDECIDED) {
				return null;
			}
			if (!lists[i].contains(key)) {
				return Boolean.FALSE;
			}
		}
		for (int i = 0; i < rangeFields.length; i++) {
			Boolean within = within(keyOf(document.get(rangeFields[i])), ranges[i]);
			if (within != Boolean.TRUE) {
				return within;
			}
		}
		return Boolean.TRUE;
	}

	/**
	 * A field's value as the filter compares it: its index key, {@link #ABSENT} for null or missing, {@link #UNDECIDED}
	 * for an array, an embedded document or a rarer type.
	 */
	private static Object keyOf(Object value) {
		if (value instanceof Collection || value instanceof Document) {
			return UNDECIDED;
		}
		if (value == null) {
			return ABSENT;
		}
		Object key = Predicates.indexable(value);
		return key == null ? UNDECIDED : key;
	}

	/**
	 * A null or missing value is in no range, nor is a value of another type than the bounds' (the server's rule);
	 * a double against a long a double cannot hold is left undecided. Values are compared as the indexes order them.
	 */
	private static Boolean within(Object key, Predicates.Range range) {
		if (key == UNDECIDED) {
			return null;
		}
		if (key == ABSENT) {
			return Boolean.FALSE;
		}
		Object other = range.low() != null && key.getClass() != range.low().getClass() ? range.low()
				: range.high() != null && key.getClass() != range.high().getClass() ? range.high() : null;
		if (other != null) {
			return key instanceof Number && other instanceof Number ? null : Boolean.FALSE;
		}
		int low = range.low() == null ? 1 : EntryType.compareValues(key, range.low());
		int high = range.high() == null ? -1 : EntryType.compareValues(key, range.high());
		return (low > 0 || low == 0 && range.lowInclusive()) && (high < 0 || high == 0 && range.highInclusive());
	}

	/**
	 * The filter of the query each thread last matched documents against: the server asks for every document a query
	 * reads, and the filter is made once per query.
	 */
	static final class PerQuery {

		private final ThreadLocal<Made> last = new ThreadLocal<>();

		/** Reads the query, for the planner and for this thread's matching of it, which then need not read it again. */
		Predicates prepare(Document query) {
			Predicates predicates = Predicates.of(query);
			last.set(new Made(query, of(predicates)));
			return predicates;
		}

		/** Whether the document matches the query; null when the server's matcher must say. */
		Boolean test(Document document, Document query) {
			Made made = last.get();
			if (made == null || made.query() != query) {
				made = new Made(query, of(query));
				last.set(made);
			}
			return made.filter() == null ? null : made.filter().test(document);
		}

		private record Made(Document query, PlainFilter filter) {
		}
	}
}
