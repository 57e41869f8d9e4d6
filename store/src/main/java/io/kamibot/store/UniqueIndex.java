package io.kamibot.store;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map.Entry;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import org.h2.mvstore.MVMap;

/**
 * A unique index as a B-tree from the indexed values to the document's position. Its keys are compared as values
 * ({@link EntryType}), not as serialised objects: the H2 backend's own unique index serialises both keys on every
 * comparison, which made each insert and each lookup by {@code _id} cost dozens of serialisations.
 */
final class UniqueIndex extends AbstractUniqueIndex<Object> {

	private final MVMap<Object[], Object> positions;
	private final IndexState state;

	UniqueIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<Object[], Object> positions,
			IndexState state) {
		super(name, keys, sparse);
		this.positions = positions;
		this.state = state;
	}

	/** Marks the index finished once every document is in it. */
	void completed() {
		state.markComplete(getName());
	}

	/**
	 * Adds the document's keys. The collection checked every index before it wrote anything, so this does not look
	 * the keys up a second time: it only learns from the insert itself that a key was taken meanwhile.
	 */
	@Override
	public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
		if (sparseWithoutKeys(document)) {
			return;
		}
		for (KeyValue keyValue : getKeyValues(document)) {
			if (positions.putIfAbsent(key(keyValue), Missing.ofNullable(position)) != null) {
				throw new DuplicateKeyError(this, collection, getKeys(), keyValue);
			}
		}
	}

	/** Points the document's keys at the position, whatever they pointed at: a journal record applied again. */
	void put(Document document, Object position) {
		if (sparseWithoutKeys(document)) {
			return;
		}
		for (KeyValue keyValue : getKeyValues(document)) {
			positions.put(key(keyValue), Missing.ofNullable(position));
		}
	}

	private boolean sparseWithoutKeys(Document document) {
		return isSparse()
				&& keys().stream().allMatch(key -> Utils.getSubdocumentValue(document, key) instanceof Missing);
	}

	@Override
	public boolean isEmpty() {
		// Unfinished (new in this format, or a crash while building): counts as empty so it is built again. A finished
		// index with no keys (a sparse one no document has a value for) is not: building it reads every document.
		return !state.complete(getName());
	}

	@Override
	protected Object removeDocument(KeyValue keyValue) {
		return positions.remove(key(keyValue));
	}

	@Override
	protected boolean putKeyPosition(KeyValue keyValue, Object position) {
		return positions.putIfAbsent(key(keyValue), Missing.ofNullable(position)) == null;
	}

	@Override
	protected Iterable<Entry<KeyValue, Object>> getIterable() {
		return () -> new Iterator<>() {

			private final Iterator<Entry<Object[], Object>> entries = positions.entrySet().iterator();

			@Override
			public boolean hasNext() {
				return entries.hasNext();
			}

			@Override
			public Entry<KeyValue, Object> next() {
				Entry<Object[], Object> entry = entries.next();
				return new AbstractMap.SimpleImmutableEntry<>(new KeyValue((Object[]) entry.getKey()),
						entry.getValue());
			}
		};
	}

	@Override
	protected Object getPosition(KeyValue keyValue) {
		return positions.get(key(keyValue));
	}

	@Override
	public long getCount() {
		return positions.sizeAsLong();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void drop() {
		positions.clear();
		state.forget(getName());
	}

	private static Object[] key(KeyValue keyValue) {
		Object[] key = new Object[keyValue.size()];
		for (int i = 0; i < key.length; i++) {
			key[i] = keyValue.get(i);
		}
		return key;
	}
}
