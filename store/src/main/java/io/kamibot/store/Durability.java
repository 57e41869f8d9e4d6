package io.kamibot.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * When what a command did is safe. Commands run side by side under a shared gate and append what they change to the
 * {@link Journal}; a command is answered once the journal holds everything it wrote or could have seen, written by
 * one write for all commands that finish together. A checkpoint takes the gate alone only for a moment: it notes the
 * last record (the mark, saved in the store) and switches the journal to its other file; then it commits the store
 * while commands go on, and once that is on the disk empties the file it switched from. The commit may hold parts of
 * commands that came after the mark; their records replay to the same result. Changes of structure (collections,
 * indexes) are not journalled: the command that makes one waits for a checkpoint that keeps the gate throughout.
 */
final class Durability {

	private static final String CHECKPOINT = "checkpoint";
	private static final long JOURNAL_LIMIT = 16L << 20;
	private static final long UNSAVED_LIMIT = 24L << 20;

	private final MVStore store;
	private final Journal journal;
	private final MVMap<String, Object> marks;
	private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
	private final ReentrantLock checkpointing = new ReentrantLock();
	private final AtomicLong structure = new AtomicLong();
	private volatile long checkpointedStructure;
	private volatile boolean replaying;

	/** @param journal null for a store in memory, which keeps nothing */
	Durability(MVStore store, Journal journal) {
		this.store = store;
		this.journal = journal;
		this.marks = store.openMap("journal");
	}

	/** The journal's last record that the store file holds. */
	static long checkpointOf(MVStore store) {
		Object mark = store.<String, Object>openMap("journal").get(CHECKPOINT);
		return mark == null ? 0 : ((Number) mark).longValue();
	}

	<T> T run(Supplier<T> command) {
		gate.readLock().lock();
		try {
			return command.get();
		}
		finally {
			gate.readLock().unlock();
			// Also after a failure: a command may have done part of its work before failing.
			settle();
		}
	}

	/** A document changed: {@code before} null when it was inserted, {@code after} null when it was deleted. */
	void changed(String collection, Document before, Document after) {
		if (journal != null && !replaying) {
			journal.append(collection, before, after);
		}
	}

	/** A collection or index was made or dropped: the command that did it is answered after a checkpoint. */
	void structureChanged() {
		structure.incrementAndGet();
	}

	void replaying(boolean replaying) {
		this.replaying = replaying;
	}

	/**
	 * Whether a checkpoint is due: records have waited in the journal for {@code every} milliseconds, or it or the
	 * store's unsaved pages grew large. Rare checkpoints write each changed page once for many changes; bounded
	 * ones keep the replay after a crash short and the heap small.
	 */
	boolean checkpointDue(long sinceLast, long every) {
		return journal != null && journal.size() > 0 && (sinceLast >= every || journal.size() > JOURNAL_LIMIT
				|| store.getUnsavedMemory() > UNSAVED_LIMIT);
	}

	private void settle() {
		if (journal == null) {
			return;
		}
		if (structure.get() > checkpointedStructure) {
			checkpoint();
		}
		else {
			journal.writeThrough(journal.appended());
		}
	}

	/**
	 * Commits the store and lets the journal drop what the commit holds. Commands wait only while the mark is set
	 * and the journal switches files, unless the structure changed (or the last checkpoint failed half-way): then
	 * they wait for the whole commit, so the file holds the structure between commands.
	 */
	void checkpoint() {
		checkpoint(() -> {
		});
	}

	/**
	 * A checkpoint that, once its commit is on the disk and before the journal drops anything, runs
	 * {@code afterCommit} while commands go on (a test copies the files there: what {@code kill -9} could leave).
	 */
	void checkpoint(Runnable afterCommit) {
		if (journal == null) {
			return;
		}
		checkpointing.lock();
		try {
			gate.writeLock().lock();
			try {
				long structureNow = structure.get();
				marks.put(CHECKPOINT, journal.appended());
				if (structureNow > checkpointedStructure || !journal.switchFiles()) {
					commit();
					journal.restart();
					checkpointedStructure = structureNow;
					return;
				}
			}
			finally {
				gate.writeLock().unlock();
			}
			commit();
			afterCommit.run();
			journal.emptyInactive();
		}
		finally {
			checkpointing.unlock();
		}
	}

	/**
	 * Whether the store's unsaved pages passed half the amount at which the MVStore commits them itself, in the
	 * thread of the command that wrote the page that passed it (a bulk write of 10,000 moves then waited for a commit
	 * or two of the whole file).
	 */
	boolean commitDue() {
		return journal != null && store.getUnsavedMemory() > store.getAutoCommitMemory() / 2;
	}

	/**
	 * Commits the store while commands go on, its journal mark unchanged, as the MVStore's own commit in a command's
	 * thread does, but forced to the disk like a checkpoint's: the file may hold parts of commands after its mark,
	 * whose records replay to the same result.
	 */
	void commitAhead() {
		checkpointing.lock();
		try {
			commit();
		}
		finally {
			checkpointing.unlock();
		}
	}

	private void commit() {
		store.commit();
		if (journal.syncs()) {
			// The commit must be on the disk before the journal that covers it is emptied.
			store.sync();
		}
	}

	/** Runs maintenance of the file that commands may run beside, but no checkpoint. */
	void besideCommands(Runnable work) {
		checkpointing.lock();
		try {
			work.run();
		}
		finally {
			checkpointing.unlock();
		}
	}

	/** Runs work while no command runs and no checkpoint writes: the files hold one instant. */
	void quietly(Runnable work) {
		checkpointing.lock();
		gate.writeLock().lock();
		try {
			work.run();
		}
		finally {
			gate.writeLock().unlock();
			checkpointing.unlock();
		}
	}
}
