package io.kamibot.store;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map.Entry;
import java.util.Set;

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
	private final FlatKeys flat;
	private final List<String> fields;

	private final String idField;

	UniqueIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<Object[], Object> positions,
			IndexState state, String idField) {
		super(name, keys, sparse);
		this.idField = idField;
		this.positions = positions;
		this.state = state;
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

	/**
	 * The position of a stored document. The server asks it of every index, each time it updates one, and requires
	 * them to agree: a stored document's position is its {@code _id} (as in {@link SecondaryIndex}), so this index
	 * answers without a B-tree descent. A document without an {@code _id} value is looked up.
	 */
	@Override
	public Object getPosition(Document document) {
		Object id = document.getOrMissing(idField);
		if (id != null && !(id instanceof Missing)) {
			return id;
		}
		Object[] key = flat.key(document);
		return key != null ? positions.get(key) : super.getPosition(document);
	}

	@Override
	protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
		return flat.sameKeys(oldDocument, newDocument, super::nullAwareEqualsKeys);
	}

	@Override
	public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
		Object[] key = flat.key(document);
		if (key == null) {
			super.checkAdd(document, collection);
		}
		else if (!sparseWithoutKeys(document) && positions.get(key) != null) {
			throw new DuplicateKeyError(this, collection, getKeys(), flat.raw(document));
		}
	}

	@Override
	public synchronized void checkUpdate(Document oldDocument, Document newDocument,
			MongoCollection<Object> collection) {
		Object[] before = flat.key(oldDocument);
		Object[] after = flat.key(newDocument);
		if (before == null || after == null) {
			super.checkUpdate(oldDocument, newDocument, collection);
			return;
		}
		if (Arrays.equals(before, after) || sparseWithoutKeys(newDocument)) {
			return;
		}
		Object taken = positions.get(after);
		if (taken != null && !taken.equals(positions.get(before))) {
			throw new DuplicateKeyError(this, collection, getKeys(), flat.raw(newDocument));
		}
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
		Object[] key = flat.key(document);
		if (key != null) {
			putNew(key, position, collection);
			return;
		}
		for (KeyValue keyValue : getKeyValues(document)) {
			putNew(key(keyValue), position, collection);
		}
	}

	private void putNew(Object[] key, Object position, MongoCollection<Object> collection) {
		if (positions.putIfAbsent(key, Missing.ofNullable(position)) != null) {
			throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(key));
		}
	}

	/** Moves the document's key when it changed, as remove and add do, each image's key read once. */
	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		Object[] before = flat.key(oldDocument);
		Object[] after = flat.key(newDocument);
		if (before == null || after == null) {
			super.updateInPlace(oldDocument, newDocument, position, collection);
			return;
		}
		if (Arrays.equals(before, after)) {
			return;
		}
		if (!sparseWithoutKeys(oldDocument)) {
			positions.remove(before);
		}
		if (!sparseWithoutKeys(newDocument)) {
			putNew(after, position, collection);
		}
	}

	@Override
	public synchronized Object remove(Document document) {
		Object[] key = flat.key(document);
		if (key == null) {
			return super.remove(document);
		}
		return sparseWithoutKeys(document) ? null : positions.remove(key);
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
		if (!isSparse()) {
			return false;
		}
		Boolean lacksAll = flat.lacksAll(document);
		return lacksAll != null ? lacksAll
				: keys().stream().allMatch(key -> Utils.getSubdocumentValue(document, key) instanceof Missing);
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
