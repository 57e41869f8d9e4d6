package io.kamibot.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Reads an index's key from a document when every indexed field is a top-level field holding no array: the shop's
 * indexes all are. The server's general walk splits each field name with a regular expression and collects the values
 * through streams, for every index, for the old and the new document, several times per update; that was 40 % of the
 * CPU of a bulk move of 10,000 codes. The key read here is the one that walk gives (the same values, normalised the
 * same way), so index entries written either way are the same. Anything else (a dotted path, an array) answers
 * {@code null}, and the caller takes the server's walk.
 */
final class FlatKeys {

	/** The indexed fields, or {@code null} when one is a path into sub-documents. */
	private final String[] fields;

	FlatKeys(List<IndexKey> keys) {
		String[] names = keys.stream().map(IndexKey::getKey).toArray(String[]::new);
		boolean flat = true;
		for (String name : names) {
			flat &= name.indexOf('.') < 0 && !name.startsWith("$");
		}
		this.fields = flat ? names : null;
	}

	/** The document's keys as an index of these fields holds them: read here, else by the server's walk. */
	Set<KeyValue> keyValues(Document document, Function<Document, Set<KeyValue>> server) {
		KeyValue key = normalised(document);
		return key != null ? Set.of(key) : server.apply(document);
	}

	/** Whether an update leaves the index's key of a document as it was: compared here, else by the server. */
	boolean sameKeys(Document before, Document after, BiPredicate<Document, Document> server) {
		KeyValue old = normalised(before);
		KeyValue now = normalised(after);
		return old != null && now != null ? old.equals(now) : server.test(before, after);
	}

	/** The document's key normalised as the server's index does, or {@code null} when the server must read it. */
	KeyValue normalised(Document document) {
		Object[] values = values(document, 0);
		return values == null ? null : new KeyValue(values);
	}

	/**
	 * The document's key as a unique index stores it (its normalised values), or {@code null} when the server must
	 * read it. Made without a {@link KeyValue}, which copies the values twice on the way in and once on the way out,
	 * for each image of each index of every document an update moves.
	 */
	Object[] key(Document document) {
		return values(document, 0);
	}

	/** The document's entry in a secondary index (its normalised values, then its position), or {@code null}. */
	Object[] entry(Document document, Object position) {
		Object[] entry = values(document, 1);
		if (entry != null) {
			entry[fields.length] = position;
		}
		return entry;
	}

	private Object[] values(Document document, int extra) {
		if (fields == null) {
			return null;
		}
		Object[] values = new Object[fields.length + extra];
		boolean nested = false;
		for (int i = 0; i < fields.length; i++) {
			Object value = document.getOrMissing(fields[i]);
			if (value instanceof Collection) {
				return null;
			}
			nested |= value instanceof Map;
			values[i] = nested ? value : scalar(value);
		}
		if (nested) {
			// A sub-document as a key is rare: the server's normalisation walks it.
			KeyValue key = new KeyValue(Arrays.copyOf(values, fields.length)).normalized();
			for (int i = 0; i < fields.length; i++) {
				values[i] = key.get(i);
			}
		}
		return values;
	}

	/** What the server's normalisation makes of a value that is neither a sub-document nor an array. */
	static Object scalar(Object value) {
		if (value == null || value instanceof Missing) {
			return null;
		}
		if (value instanceof Long whole && whole != (long) whole.doubleValue()) {
			return whole;
		}
		if (value instanceof Number number) {
			double real = number.doubleValue();
			// -0.0 == 0.0 is true: both become 0.0.
			return real == 0.0 ? 0.0 : real;
		}
		return value;
	}

	/** The document's key as stored in it (for messages), or {@code null} when the server must read it. */
	KeyValue raw(Document document) {
		if (fields == null) {
			return null;
		}
		Object[] values = new Object[fields.length];
		for (int i = 0; i < fields.length; i++) {
			Object value = document.getOrMissing(fields[i]);
			if (value instanceof Collection) {
				return null;
			}
			values[i] = value;
		}
		return new KeyValue(values);
	}

	/** Whether the document has none of the indexed fields; {@code null} when the server must tell. */
	Boolean lacksAll(Document document) {
		if (fields == null) {
			return null;
		}
		for (String field : fields) {
			if (!(document.getOrMissing(field) instanceof Missing)) {
				return false;
			}
		}
		return true;
	}
}
