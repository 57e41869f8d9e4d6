package io.kamibot.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The order a sort asks for, when it names top-level fields only: each document's field read once per comparison
 * and two values of one common type compared directly ({@link EntryType#compareValues}, the order MongoDB gives
 * them). The server's comparator splits each sort key with a regular expression twice per comparison: sorting the
 * 10,000 codes of a bulk order by slot cost as much as finding them. Arrays, paths and anything else are ordered by
 * the server's comparator.
 */
final class FieldOrder implements Comparator<Document> {

	private final String[] fields;
	private final boolean[] ascending;

	private FieldOrder(String[] fields, boolean[] ascending) {
		this.fields = fields;
		this.ascending = ascending;
	}

	/** The comparator for a sort, or {@code null} when there is nothing to sort (no sort, or the natural order). */
	static Comparator<Document> of(Document orderBy) {
		if (orderBy == null || orderBy.isEmpty() || orderBy.keySet().iterator().next().equals("$natural")) {
			return null;
		}
		String[] fields = new String[orderBy.size()];
		boolean[] ascending = new boolean[fields.length];
		int i = 0;
		for (Map.Entry<String, Object> key : orderBy.entrySet()) {
			if (key.getKey().isEmpty() || key.getKey().indexOf('.') >= 0 || key.getKey().startsWith("$")
					|| !(key.getValue() instanceof Number direction)) {
				return new DocumentComparator(orderBy);
			}
			fields[i] = key.getKey();
			ascending[i++] = direction.intValue() > 0;
		}
		return new FieldOrder(fields, ascending);
	}

	@Override
	public int compare(Document first, Document second) {
		for (int i = 0; i < fields.length; i++) {
			Object a = first.getOrMissing(fields[i]);
			Object b = second.getOrMissing(fields[i]);
			int c;
			if (a instanceof Collection || b instanceof Collection) {
				// An array sorts by its least (ascending) or greatest (descending) element: the server's rule.
				c = (ascending[i] ? ValueComparator.asc() : ValueComparator.desc()).compare(a, b);
			}
			else {
				c = ascending[i] ? EntryType.compareValues(a, b) : -EntryType.compareValues(a, b);
			}
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}
}
