package io.kamibot.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An update that only sets top-level fields to plain values and unsets top-level fields ({@code $set},
 * {@code $unset}, and {@code $setOnInsert}, which an update that inserts nothing ignores): what the shop's updates
 * are. It makes the changed document as a new one beside the stored one, which stays as it was, so the collection
 * can find it without the copy every query hands out, and it reads each field once. The server's own update copies
 * the document three times and splits every field name with a regular expression; that was half the CPU of a bulk
 * order's 20,000 code moves. The document made is the one the server's update makes (the same fields in the same
 * order, a field set to a value equal to its own, as the server compares values, left as it was); any other update
 * ({@link #of} answers {@code null}) goes the server's way.
 */
final class FieldSets {

	private static final String SET = "$set";
	private static final String UNSET = "$unset";
	private static final String SET_ON_INSERT = "$setOnInsert";

	private final String[] fields;
	/** The value of each field, or {@code null} in this array for a field unset. */
	private final Object[] values;
	private final boolean[] unset;

	private FieldSets(List<String> fields, List<Object> values, List<Boolean> unset) {
		this.fields = fields.toArray(String[]::new);
		this.values = values.toArray();
		this.unset = new boolean[unset.size()];
		for (int i = 0; i < this.unset.length; i++) {
			this.unset[i] = unset.get(i);
		}
	}

	/** The update as field sets, or {@code null} when it is of another kind (the server's update makes it). */
	static FieldSets of(Document update, String idField) {
		if (update.isEmpty() || idField == null) {
			return null;
		}
		List<String> fields = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		List<Boolean> unset = new ArrayList<>();
		Set<String> named = new HashSet<>();
		for (Map.Entry<String, Object> operator : update.entrySet()) {
			String name = operator.getKey();
			boolean set = name.equals(SET);
			if (!set && !name.equals(UNSET) && !name.equals(SET_ON_INSERT)
					|| !(operator.getValue() instanceof Document change) || change.isEmpty()) {
				return null;
			}
			for (Map.Entry<String, Object> field : change.entrySet()) {
				String key = field.getKey();
				Object value = field.getValue();
				// Conflicting operators on one field, _id, paths and operators in names, structured values: the server.
				if (!named.add(key) || key.isEmpty() || key.equals(idField) || key.indexOf('.') >= 0
						|| key.startsWith("$") || set && !plain(value)) {
					return null;
				}
				if (!name.equals(SET_ON_INSERT)) {
					fields.add(key);
					values.add(set ? value : null);
					unset.add(!set);
				}
			}
		}
		return new FieldSets(fields, values, unset);
	}

	/** The document after the update, or {@code null} when the update leaves it as it was. */
	Document apply(Document stored) {
		Document changed = null;
		for (int i = 0; i < fields.length; i++) {
			Object old = stored.getOrMissing(fields[i]);
			if (unset[i]) {
				if (!(old instanceof Missing)) {
					changed = changed != null ? changed : new Document(stored);
					changed.remove(fields[i]);
				}
			}
			else if (old instanceof Missing || !same(old, values[i])) {
				changed = changed != null ? changed : new Document(stored);
				changed.put(fields[i], values[i]);
			}
		}
		return changed;
	}

	private static boolean plain(Object value) {
		return !(value instanceof Map) && !(value instanceof Collection) && !(value instanceof Missing);
	}

	/** Whether two values are equal as the server compares them (numbers by value, null and missing alike). */
	private static boolean same(Object old, Object value) {
		if (Missing.isNullOrMissing(old) || Missing.isNullOrMissing(value)) {
			return Missing.isNullOrMissing(old) && Missing.isNullOrMissing(value);
		}
		return Objects.equals(FlatKeys.scalar(old), FlatKeys.scalar(value));
	}
}
