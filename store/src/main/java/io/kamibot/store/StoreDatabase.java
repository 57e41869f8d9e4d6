package io.kamibot.store;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database in the MVStore, its documents and metadata under the map names the H2 backend has always used, so a
 * data file written before keeps opening (its unique indexes are rebuilt once in this store's faster format).
 * Non-unique indexes are real here; the driver's {@code countDocuments} is answered by the collection's count, which
 * its indexes can answer without a scan.
 */
final class StoreDatabase extends AbstractSynchronizedMongoDatabase<Object> {

	private static final Logger log = LoggerFactory.getLogger(StoreDatabase.class);

	/** Documents as BSON (see {@link DocumentType}). */
	static final String DATA = "documents.";
	/** Documents as the H2 backend kept them (Java serialisation): moved to {@link #DATA} when found. */
	static final String LEGACY_DATA = "databases.";
	private static final int MOVED_PER_COMMIT = 10_000;
	private static final String META = "meta.";

	private final MVStore store;
	private final Durability durability;

	StoreDatabase(String name, MVStore store, CursorRegistry cursors, Durability durability) {
		super(name, cursors);
		this.store = store;
		this.durability = durability;
		initializeNamespacesAndIndexes();
	}

	/** The collection a journal record names, made if the store has none (it was made after the checkpoint). */
	StoreCollection collectionForRedo(String name) {
		return (StoreCollection) resolveOrCreateCollection(name);
	}

	@Override
	public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
			Oplog oplog) {
		if (command.equalsIgnoreCase("aggregate")) {
			Document counted = CountPipeline.answer(query, this::collection, getFullCollectionNamespace(
					String.valueOf(query.get(command))));
			if (counted != null) {
				return counted;
			}
		}
		return super.handleCommand(channel, command, query, resolver, oplog);
	}

	private MongoCollection<Object> collection(String name) {
		return resolveCollection(name, false);
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		String fullName = getFullCollectionNamespace(collectionName);
		MVMap<Object, Document> data = store.openMap(DATA + fullName,
				new MVMap.Builder<Object, Document>().keyType(PositionType.INSTANCE).valueType(DocumentType.INSTANCE));
		if (store.hasMap(LEGACY_DATA + fullName)) {
			moveLegacyDocuments(store.openMap(LEGACY_DATA + fullName), data);
		}
		MVMap<String, Object> meta = store.openMap(META + fullName);
		durability.structureChanged();
		return new StoreCollection(this, collectionName, options, data, meta, cursorRegistry, durability);
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		// The H2 backend's own format of this index, if the file has one, is rebuilt in this one from the data.
		store.removeMap(indexMap(collectionName, indexName));
		durability.structureChanged();
		IndexState state = state(collectionName);
		MVMap<Object[], Object> positions = store.openMap(uniqueMap(collectionName, indexName),
				new MVMap.Builder<Object[], Object>().keyType(keyType(keys)).valueType(PositionType.INSTANCE));
		if (!state.complete(indexName)) {
			positions.clear();
		}
		return new UniqueIndex(indexName, keys, sparse, positions, state, "_id");
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		durability.structureChanged();
		MVMap<Object[], Boolean> entries = store.openMap(indexMap(collectionName, indexName),
				new MVMap.Builder<Object[], Boolean>().keyType(keyType(keys)));
		IndexState state = state(collectionName);
		if (!state.complete(indexName)) {
			// Never finished (or new): start from nothing; the collection builds it from its documents.
			entries.clear();
		}
		String idField = "_id";
		return new SecondaryIndex(indexName, keys, sparse, entries, state, idField);
	}

	/**
	 * Moves a collection written by the H2 backend into this store's format, committing as it goes so the heap holds
	 * a bounded part of it; done while the store opens, before any command. A move cut short starts again.
	 */
	private void moveLegacyDocuments(MVMap<Object, Document> legacy, MVMap<Object, Document> data) {
		data.clear();
		long moved = 0;
		for (var entry : legacy.entrySet()) {
			data.put(entry.getKey(), entry.getValue());
			if (++moved % MOVED_PER_COMMIT == 0) {
				store.commit();
			}
		}
		store.removeMap(legacy);
		store.commit();
		log.info("Moved {} documents of {} to the store's format", moved, legacy.getName());
	}

	private IndexState state(String collectionName) {
		return new IndexState(store.openMap(META + getFullCollectionNamespace(collectionName)));
	}

	private static EntryType keyType(List<IndexKey> keys) {
		return new EntryType(keys.stream().map(IndexKey::isAscending).toList());
	}

	@Override
	protected void dropIndex(MongoCollection<Object> collection, String indexName) {
		super.dropIndex(collection, indexName);
		durability.structureChanged();
		store.removeMap(indexMap(collection.getCollectionName(), indexName));
		store.removeMap(uniqueMap(collection.getCollectionName(), indexName));
	}

	@Override
	public void dropCollection(String collectionName, Oplog oplog) {
		MongoCollection<Object> collection = resolveCollection(collectionName, false);
		List<String> indexNames = collection == null ? List.of()
				: collection.getIndexes().stream().map(Index::getName).toList();
		super.dropCollection(collectionName, oplog);
		durability.structureChanged();
		String fullName = getFullCollectionNamespace(collectionName);
		store.removeMap(DATA + fullName);
		store.removeMap(store.openMap(META + fullName));
		for (String indexName : indexNames) {
			store.removeMap(indexMap(collectionName, indexName));
			store.removeMap(uniqueMap(collectionName, indexName));
		}
	}

	@Override
	public void drop(Oplog oplog) {
		super.drop(oplog);
		durability.structureChanged();
		for (String name : List.copyOf(store.getMapNames())) {
			if (name.startsWith(databaseName + ".") || name.startsWith(DATA + databaseName + ".")
					|| name.startsWith(LEGACY_DATA + databaseName + ".")
					|| name.startsWith(META + databaseName + ".")) {
				store.removeMap(name);
			}
		}
	}

	@Override
	public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
		super.moveCollection(oldDatabase, collection, newCollectionName);
		durability.structureChanged();
		String oldName = collection.getFullName();
		String newName = getFullCollectionNamespace(newCollectionName);
		store.renameMap(store.openMap(DATA + oldName, new MVMap.Builder<Object, Document>()
			.keyType(PositionType.INSTANCE)
			.valueType(DocumentType.INSTANCE)), DATA + newName);
		store.renameMap(store.openMap(META + oldName), META + newName);
	}

	@Override
	protected long getStorageSize() {
		return store.getFileStore() == null ? 0 : store.getFileStore().size();
	}

	@Override
	protected long getFileSize() {
		return getStorageSize();
	}

	private String indexMap(String collectionName, String indexName) {
		return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
	}

	private String uniqueMap(String collectionName, String indexName) {
		return getFullCollectionNamespace(collectionName) + "._unique_" + indexName;
	}
}
