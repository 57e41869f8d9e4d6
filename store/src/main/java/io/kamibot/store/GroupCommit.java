package io.kamibot.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

/**
 * Puts what a command wrote, or saw, on disk before the command is answered. Commands run side by side under a
 * shared gate; a commit takes the gate alone, so it always stores a state between commands, never half of one.
 * Commands that finish while a commit is running wait for the next one, which they share: a group commit, so eight
 * concurrent buyers cost about one commit, not eight.
 */
final class GroupCommit {

	private final MVStore store;
	private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
	private final ReentrantLock lock = new ReentrantLock();
	private final Condition committed = lock.newCondition();
	private long started;
	private long finished;
	private long failedUpTo;
	private RuntimeException failure;
	private volatile boolean committing;

	GroupCommit(MVStore store) {
		this.store = store;
	}

	/** Runs a command, then returns once everything it could have written or read is committed. */
	<T> T run(Supplier<T> command) {
		gate.readLock().lock();
		try {
			return command.get();
		}
		finally {
			gate.readLock().unlock();
			// Also after a failure: a command may have written part of its work before failing.
			durable();
		}
	}

	/** Runs work that must not interleave with commands (maintenance of the file), then commits it. */
	void exclusively(Runnable work) {
		gate.writeLock().lock();
		try {
			work.run();
		}
		finally {
			gate.writeLock().unlock();
		}
		durable();
	}

	private void durable() {
		// Nothing unsaved, then no commit running: whatever this command saw was stored by a finished commit.
		if (!store.hasUnsavedChanges() && !committing) {
			return;
		}
		lock.lock();
		try {
			long needed = started + 1;
			while (finished < needed) {
				if (committing) {
					committed.awaitUninterruptibly();
					continue;
				}
				commitAs(++started);
			}
			if (failedUpTo >= needed) {
				throw new IllegalStateException("The database could not be written to disk", failure);
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** One commit, run without the lock so that commands finishing meanwhile can queue for the next. */
	private void commitAs(long number) {
		committing = true;
		lock.unlock();
		RuntimeException error = null;
		try {
			gate.writeLock().lock();
			try {
				store.commit();
			}
			finally {
				gate.writeLock().unlock();
			}
		}
		catch (RuntimeException e) {
			error = e;
		}
		finally {
			lock.lock();
			committing = false;
			finished = number;
			if (error != null) {
				failure = error;
				failedUpTo = number;
			}
			committed.signalAll();
		}
	}
}
