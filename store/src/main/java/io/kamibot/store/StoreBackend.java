package io.kamibot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's backend: documents and indexes in an H2 MVStore file, with the MVStore's own background
 * commits off. A command is answered once its changes are in the journal beside the store (see
 * {@link Durability}); the store file is committed every ten seconds, or sooner after many writes. After {@code kill -9} the store
 * opens at its last commit and the journal's newer records are applied again, so nothing a client was told is lost.
 * Queries use real indexes (see {@link StoreCollection}).
 */
public final class StoreBackend extends AbstractMongoBackend {

	private static final Logger log = LoggerFactory.getLogger(StoreBackend.class);
	private static final int MAX_WRITE_BATCH = 100_000;

	private final MVStore store;
	private final Journal journal;
	private final Durability durability;
	private final Housekeeping housekeeping;
	private boolean closed;

	private StoreBackend(MVStore store, Journal journal, Clock clock) {
		super(clock);
		this.store = store;
		this.journal = journal;
		this.durability = new Durability(store, journal);
		this.housekeeping = new Housekeeping(store, durability);
		store.getMapNames().stream()
			.map(StoreBackend::databaseOf)
			.filter(name -> name != null)
			.distinct()
			.forEach(this::resolveDatabase);
	}

	/**
	 * A store in the file (created if missing) with its journal beside it ({@code FILE.journal}). After a crash it
	 * opens at its last checkpoint and replays the journal.
	 *
	 * @param sync whether each journal write is also forced to the disk ({@code fsync}): needed to survive a power
	 * loss, not a crash of the process
	 */
	public static StoreBackend openFile(Path file, boolean sync) {
		return openFile(file, sync, defaultClock());
	}

	public static StoreBackend openFile(Path file, boolean sync, Clock clock) {
		log.info("Opening the store in {}", file);
		MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(cacheMegabytes())
			.open();
		if (sync) {
			// Each checkpoint is forced to the disk before the next may reuse the space of older chunks, so they need
			// not be kept for the disk's own write-back (45 s by default): the file stays near its live size.
			store.setRetentionTime(0);
		}
		List<Path> journalFiles = Journal.files(file);
		long checkpoint = Durability.checkpointOf(store);
		Journal journal = Journal.open(journalFiles, sync, checkpoint);
		StoreBackend backend = new StoreBackend(store, journal, clock);
		backend.durability.replaying(true);
		long last = JournalReplay.replay(journalFiles, checkpoint, backend::redo);
		backend.durability.replaying(false);
		if (last > checkpoint) {
			log.info("Applied {} journal records written after the last checkpoint", last - checkpoint);
			journal.continueFrom(last);
		}
		backend.durability.checkpoint();
		backend.housekeeping.start();
		return backend;
	}

	/**
	 * The page cache, in megabytes of the MVStore's estimate of its pages: a 24th of the heap, from 4 to 32 MB. A
	 * document's pages take more heap than the MVStore estimates, and at the shipped {@code -Xmx192m} a 32 MB cache
	 * kept the live heap near its limit: 7 MB halved the full collections of a run of bulk orders (140 to 75) and
	 * their median went from 1.5 s to 1.4 s (CPU 2.0 s to 1.3 s). Large heaps keep 32 MB.
	 */
	private static int cacheMegabytes() {
		long heap = Runtime.getRuntime().maxMemory() >> 20;
		return (int) Math.max(4, Math.min(32, heap / 24));
	}

	/** A store in memory: the same indexes and planner, nothing kept (for tests). */
	public static StoreBackend inMemory() {
		return inMemory(defaultClock());
	}

	public static StoreBackend inMemory(Clock clock) {
		return new StoreBackend(new MVStore.Builder().autoCommitDisabled().open(), null, clock);
	}

	/** The database a data map belongs to, in this store's format or the H2 backend's; null for other maps. */
	private static String databaseOf(String mapName) {
		for (String prefix : new String[] { StoreDatabase.DATA, StoreDatabase.LEGACY_DATA }) {
			if (mapName.startsWith(prefix)) {
				int dot = mapName.indexOf('.', prefix.length());
				return dot < 0 ? null : mapName.substring(prefix.length(), dot);
			}
		}
		return null;
	}

	private void redo(JournalRecord record) {
		String collection = record.collection();
		int dot = collection.indexOf('.');
		StoreDatabase database = (StoreDatabase) resolveDatabase(collection.substring(0, dot));
		database.collectionForRedo(collection.substring(dot + 1)).redo(record);
	}

	/** Runs work while the files stand still, as {@code kill -9} would leave them (for tests that copy them). */
	void whileStill(Runnable work) {
		durability.quietly(work);
	}

	/**
	 * Checkpoints, running work just after the commit while commands go on: the store file then may hold parts of
	 * commands its journal mark does not cover (for tests that copy the files there).
	 */
	void checkpointThen(Runnable work) {
		durability.checkpoint(work);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new StoreDatabase(databaseName, store, getCursorRegistry(), durability);
	}

	/**
	 * Answers a command once what it wrote is safe. The handshake tells clients they may send as many writes in one
	 * command as MongoDB takes ({@value #MAX_WRITE_BATCH}, not the server's 1,000): each command waits for its own
	 * journal write, forced to the disk, so a bulk write of 10,000 moves waited for ten of them.
	 */
	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		Document answer = durability.run(() -> super.handleCommand(channel, databaseName, command, query));
		if (command.equalsIgnoreCase("ismaster") || command.equalsIgnoreCase("hello")) {
			answer.put("maxWriteBatchSize", MAX_WRITE_BATCH);
		}
		return answer;
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		return durability.run(() -> super.handleQuery(query));
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		housekeeping.stop();
		super.close();
		if (!store.isClosed()) {
			if (store.getFileStore() != null) {
				durability.checkpoint();
			}
			store.close();
		}
		if (journal != null) {
			try {
				journal.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
