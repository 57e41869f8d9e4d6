package io.kamibot.store;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

/**
 * A collection that answers queries from its indexes: a unique index when the query names all its keys, else the
 * secondary index whose keys the query binds furthest (equalities, then one range, then the order asked for).
 * Documents found through an index still pass the whole query, so an index only decides where to look. Counts
 * whose query the index bounds say entirely are two B-tree descents, whatever the number of documents.
 */
final class StoreCollection extends H2Collection {

	private final Durability durability;
	private final boolean journalled;
	private final MVMap<Object, Document> dataMap;
	/** The thread to which queries hand out the stored documents themselves: {@link #updateDocuments}, under its lock. */
	private volatile Thread lending;
	private final PlainFilter.PerQuery filters = new PlainFilter.PerQuery();

	StoreCollection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
			Durability durability) {
		super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
		this.durability = durability;
		this.dataMap = dataMap;
		// The server's own catalogue of collections and indexes changes only with the structure: checkpointed.
		this.journalled = !collectionName.startsWith("system.");
	}

	@Override
	protected Object addDocumentInternal(Document document) {
		Object position = super.addDocumentInternal(document);
		if (journalled) {
			durability.changed(getFullName(), null, document);
		}
		return position;
	}

	@Override
	protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
		super.handleUpdate(position, oldDocument, newDocument);
		if (journalled) {
			durability.changed(getFullName(), oldDocument, newDocument);
		}
	}

	/** Removes as {@link H2Collection} does, keeping the removed document for the journal (one B-tree descent). */
	@Override
	protected void removeDocument(Object position) {
		Document removed = dataMap.remove(position);
		if (removed == null) {
			throw new NoSuchElementException("No document with key " + position);
		}
		if (journalled) {
			durability.changed(getFullName(), removed, null);
		}
	}

	/**
	 * Applies a journal record again. With both images, every map gets exactly the writes the command gave it (the
	 * earlier image's index keys removed, the later one's put, the document put or removed), which leaves each map
	 * as the command did whether the store file held none, some or all of them. Records of earlier versions hold
	 * the later image only; they are applied by {@code _id} on a store that held none of them.
	 */
	synchronized void redo(JournalRecord record) {
		Document before = record.before();
		Document after = record.after();
		if (record.kind() != JournalRecord.CHANGE) {
			Document existing = getDocument(after.get("_id"));
			if (existing != null) {
				removeDocument(existing);
			}
			if (record.kind() == JournalRecord.PUT) {
				addDocument(after);
			}
			return;
		}
		Object position = (after != null ? after : before).get("_id");
		for (Index<Object> index : getIndexes()) {
			if (before != null) {
				index.remove(before);
			}
			if (after != null) {
				if (index instanceof UniqueIndex unique) {
					unique.put(after, position);
				}
				else {
					index.add(after, position, this);
				}
			}
		}
		if (after != null) {
			dataMap.put(Missing.ofNullable(position), after);
		}
		else {
			dataMap.remove(Missing.ofNullable(position));
		}
	}

	/**
	 * Counted when asked (only {@code collStats} asks): kept up to date, it cost a third of an update by {@code _id}.
	 */
	@Override
	protected boolean tracksDataSize() {
		return false;
	}

	/** Asked by the server's constructor, for a log line, before this one ran. */
	@Override
	protected synchronized int getDataSize() {
		return dataMap == null ? 0 : (int) Math.min(DocumentType.encodedSize(dataMap.values()), Integer.MAX_VALUE);
	}

	/**
	 * Stored documents are handed out only to this collection's own updates ({@link #updateDocuments}), which never
	 * change them: the server's update changes its found document in place, under an answer being encoded on another
	 * thread ({@code ConcurrentModificationException}). Other queries get copies; a stored document is only replaced.
	 */
	@Override
	protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
		if (lending == Thread.currentThread()) {
			return super.createQueryResult(matchedDocuments, batchSize);
		}
		List<Document> copies = new ArrayList<>(matchedDocuments.size());
		for (Document document : matchedDocuments) {
			copies.add(document.cloneDeeply());
		}
		return super.createQueryResult(copies, batchSize);
	}

	/**
	 * Updates that set and unset top-level fields ({@link FieldSets}) are made here: each found document is read where
	 * it is stored and replaced by a changed copy, its index entries moved. Others go the server's way.
	 */
	@Override
	public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
			boolean isMulti, boolean isUpsert, Oplog oplog) {
		FieldSets sets = arrayFilters.isEmpty() ? FieldSets.of(updateQuery, getIdField()) : null;
		List<Document> found = sets == null ? List.of() : stored(selector, isMulti ? 0 : 1);
		if (sets == null || found.isEmpty() && isUpsert) {
			return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
		}
		List<Object> updatedIds = new ArrayList<>();
		for (Document document : found) {
			Document changed = sets.apply(document);
			if (changed != null) {
				Object position = document.get(getIdField());
				for (Index<Object> index : getIndexes()) {
					index.checkUpdate(document, changed, this);
				}
				for (Index<Object> index : getIndexes()) {
					index.updateInPlace(document, changed, position, this);
				}
				handleUpdate(position, document, changed);
				updatedIds.add(position);
			}
		}
		oplog.handleUpdate(getFullName(), selector, updateQuery, updatedIds);
		return new Document("n", found.size()).append("nModified", updatedIds.size());
	}

	/** The stored documents (not copies) that match the query, at most {@code limit} (0: all). */
	private List<Document> stored(Document query, int limit) {
		lending = Thread.currentThread();
		try {
			return queryDocuments(query, null, 0, limit, 0, null).collectDocuments();
		}
		finally {
			lending = null;
		}
	}

	/** Matches with a {@link PlainFilter} where the query is plain, and the server's matcher for the rest. */
	@Override
	protected boolean documentMatchesQuery(Document document, Document query) {
		Boolean plain = filters.test(document, query);
		return plain != null ? plain : super.documentMatchesQuery(document, query);
	}

	/** Matches as the server does; sorts by top-level fields with {@link FieldOrder}. */
	@Override
	protected QueryResult matchDocumentsFromStream(Stream<Document> documents, Document query, Document orderBy,
			int numberToSkip, int limit, int batchSize, Document fieldSelector) {
		return matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, FieldOrder.of(orderBy),
				fieldSelector);
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
			int batchSize, Document fieldSelector) {
		Predicates predicates = filters.prepare(query);
		Iterable<Object> unique = Plan.byUniqueIndex(getIndexes(), predicates);
		if (unique != null) {
			return matchDocumentsFromStream(documents(unique), query, orderBy, numberToSkip, limit, batchSize,
					fieldSelector);
		}
		Plan plan = Plan.choose(predicates, orderBy, getIndexes(), limit > 0);
		if (plan == null) {
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		Stream<Document> found = documents(plan.index().positions(plan.from(), plan.to(), plan.reverse()));
		return matchDocumentsFromStream(found, query, plan.ordered() ? null : orderBy, numberToSkip, limit,
				batchSize, fieldSelector);
	}

	@Override
	public synchronized int count(Document query, int skip, int limit) {
		if (query != null && !query.isEmpty() && skip == 0) {
			Plan plan = Plan.choose(Predicates.of(query), null, getIndexes(), false);
			if (plan != null && plan.covered()) {
				long count = plan.index().countBetween(plan.from(), plan.to());
				return (int) Math.min(limit > 0 ? Math.min(count, limit) : count, Integer.MAX_VALUE);
			}
		}
		return super.count(query, skip, limit);
	}

	/** Builds a new index from the documents, or an unfinished one again, and only then lets the planner use it. */
	@Override
	public synchronized void addIndex(Index<Object> index) {
		super.addIndex(index);
		if (index instanceof SecondaryIndex secondary) {
			secondary.completed();
		}
		else if (index instanceof UniqueIndex unique) {
			unique.completed();
		}
	}

	private Stream<Document> documents(Iterable<Object> positions) {
		return StreamSupport.stream(positions.spliterator(), false).map(this::getDocument).filter(Objects::nonNull);
	}
}
