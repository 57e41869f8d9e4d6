package io.kamibot.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index kept as a B-tree of entries (indexed values…, position) in the MVStore, so it survives a
 * restart with the data it indexes (both are committed together) and is never rebuilt unless it was never finished.
 * An index that ever saw an array in an indexed field is left to the scan (multikey ranges and orders differ from
 * plain ones), which keeps every answer it gives exact. A sparse index keeps every document all the same: a superset
 * answers every query a sparse one can.
 */
final class SecondaryIndex extends Index<Object> {

	private final MVMap<Object[], Boolean> entries;
	private final IndexState state;
	private final String idField;
	private final FlatKeys flat;
	private final List<String> fields;

	SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<Object[], Boolean> entries,
			IndexState state, String idField) {
		super(name, keys, sparse);
		this.entries = entries;
		this.state = state;
		this.idField = idField;
		this.flat = new FlatKeys(keys);
		this.fields = keys.stream().map(IndexKey::getKey).toList();
	}

	@Override
	protected List<String> keys() {
		return fields;
	}

	@Override
	public Set<KeyValue> getKeyValues(Document document) {
		return flat.keyValues(document, super::getKeyValues);
	}

	@Override
	protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
		return flat.sameKeys(oldDocument, newDocument, super::nullAwareEqualsKeys);
	}

	/** Whether the planner may use this index: finished, and never multikey. */
	boolean usable() {
		return state.complete(getName()) && !state.multikey(getName());
	}

	/** Marks the index finished once every document is in it. */
	void completed() {
		state.markComplete(getName());
	}

	@Override
	public boolean isEmpty() {
		// An unfinished index (a crash in the middle of building it) counts as empty, so it is built again; a finished
		// one never is, whatever it holds.
		return !state.complete(getName());
	}

	@Override
	public Object getPosition(Document document) {
		return document.get(idField);
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		getKeyValues(document);
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
		Object[] entry = flat.entry(document, position);
		if (entry != null) {
			entries.put(entry, Boolean.TRUE);
			return;
		}
		Set<KeyValue> keyValues = getKeyValues(document);
		if (keyValues.size() != 1 || hasArray(keyValues)) {
			state.markMultikey(getName());
		}
		for (KeyValue keyValue : keyValues) {
			entries.put(entry(keyValue, position), Boolean.TRUE);
		}
	}

	@Override
	public Object remove(Document document) {
		Object position = document.get(idField);
		Object[] entry = flat.entry(document, position);
		if (entry != null) {
			entries.remove(entry);
			return position;
		}
		for (KeyValue keyValue : getKeyValues(document)) {
			entries.remove(entry(keyValue, position));
		}
		return position;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		getKeyValues(newDocument);
	}

	/**
	 * Moves the document's entry when its key changed. Each key is read once: comparing, removing and adding each
	 * read both again, for every index of every document an update moved.
	 */
	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		Object[] before = flat.entry(oldDocument, oldDocument.get(idField));
		Object[] after = flat.entry(newDocument, position);
		if (before == null || after == null) {
			if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
				remove(oldDocument);
				add(newDocument, position, collection);
			}
		}
		else if (!Arrays.equals(before, after)) {
			// A flat key holds no array: the index stays as multikey as it was.
			entries.remove(before);
			entries.put(after, Boolean.TRUE);
		}
	}

	/** Never chosen by the server's own single-index lookup: the planner of {@link StoreCollection} uses it. */
	@Override
	public boolean canHandle(Document query) {
		return false;
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		throw new UnsupportedOperationException("Queried through the planner");
	}

	/** Positions of the entries between two bounds (see {@link Bound}), in index order or reversed. */
	Iterable<Object> positions(Object[] from, Object[] to, boolean reverse) {
		return () -> new PositionIterator(reverse ? entries.cursor(to, from, true) : entries.cursor(from, to, false));
	}

	/** How many entries lie between two bounds that are not themselves entries: two B-tree descents. */
	long countBetween(Object[] from, Object[] to) {
		// An empty range (its low end above its high end) has its bounds the other way round.
		return Math.max(0, insertionPoint(to) - insertionPoint(from));
	}

	private long insertionPoint(Object[] bound) {
		long index = entries.getKeyIndex(bound);
		return index < 0 ? -index - 1 : index;
	}

	@Override
	public long getCount() {
		return entries.sizeAsLong();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void drop() {
		entries.clear();
		state.forget(getName());
	}

	private static boolean hasArray(Set<KeyValue> keyValues) {
		return keyValues.stream().flatMap(KeyValue::stream).anyMatch(Collection.class::isInstance);
	}

	private static Object[] entry(KeyValue keyValue, Object position) {
		List<Object> values = new ArrayList<>(keyValue.size() + 1);
		keyValue.forEach(values::add);
		values.add(position);
		return values.toArray();
	}

	private static final class PositionIterator implements java.util.Iterator<Object> {

		private final Cursor<Object[], Boolean> cursor;

		PositionIterator(Cursor<Object[], Boolean> cursor) {
			this.cursor = cursor;
		}

		@Override
		public boolean hasNext() {
			return cursor.hasNext();
		}

		@Override
		public Object next() {
			Object[] entry = cursor.next();
			return entry[entry.length - 1];
		}
	}
}
