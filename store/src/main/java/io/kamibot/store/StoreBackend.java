package io.kamibot.store;

import java.nio.file.Path;
import java.time.Clock;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's backend: H2's MVStore with its own commits turned off, so that every command is answered
 * only once what it wrote (or read) is in the file (see {@link GroupCommit}), and with indexes that answer queries
 * (see {@link StoreCollection}). Commits happen only between commands, so the file always holds a state some
 * command left, never half of one; after {@code kill -9} the store opens at its last complete commit.
 */
public final class StoreBackend extends H2Backend {

	private static final Logger log = LoggerFactory.getLogger(StoreBackend.class);

	private final GroupCommit commits;
	private final Housekeeping housekeeping;

	private StoreBackend(MVStore store, Clock clock) {
		super(store, clock);
		this.commits = new GroupCommit(store);
		this.housekeeping = new Housekeeping(store, commits);
	}

	/** A store in the file, created if missing; opens at its last complete commit after a crash. */
	public static StoreBackend openFile(Path file) {
		return openFile(file, defaultClock());
	}

	public static StoreBackend openFile(Path file, Clock clock) {
		log.info("Opening the store in {}", file);
		MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(32).open();
		StoreBackend backend = new StoreBackend(store, clock);
		// Indexes built while opening (new, or unfinished before a crash) are kept from now on.
		store.commit();
		backend.housekeeping.start();
		return backend;
	}

	/** A store in memory: the same indexes and planner, nothing on disk (for tests). */
	public static StoreBackend inMemory() {
		return inMemory(defaultClock());
	}

	public static StoreBackend inMemory(Clock clock) {
		return new StoreBackend(new MVStore.Builder().autoCommitDisabled().open(), clock);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new StoreDatabase(databaseName, getMvStore(), getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		return commits.run(() -> super.handleCommand(channel, databaseName, command, query));
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		return commits.run(() -> super.handleQuery(query));
	}

	@Override
	public void close() {
		housekeeping.stop();
		super.close();
	}
}
