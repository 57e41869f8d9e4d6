package io.kamibot.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.buffer.ByteBuf;

/**
 * The redo log beside the store file: for every document a command writes or deletes, the document before and
 * after, appended in the order the collection applied them, and written to the file before the command is answered.
 * Commands that finish together share one write.
 * <p>
 * Two files take turns. A checkpoint switches appending to the other (empty) file between commands, then commits the
 * store while commands go on, and only once that commit is on the disk empties the file it switched away from. So
 * the records newer than the store file's last checkpoint are always in one of the two files, whatever moment a
 * crash picks. Because each record holds both images, applying it again gives the same result whether the store file
 * holds none, some or all of its effects.
 * The records' format is {@link JournalRecord}'s; {@link JournalReplay} reads them at start.
 */
final class Journal implements Closeable {

	private final FileChannel[] files;
	private final boolean sync;
	private final ReentrantLock writing = new ReentrantLock();
	private final PendingRecords pending = new PendingRecords();
	private volatile int active;
	private volatile long appended;
	private volatile long written;
	private final long[] sizes = new long[2];

	private Journal(FileChannel[] files, boolean sync) throws IOException {
		this.files = files;
		this.sync = sync;
		for (int i = 0; i < files.length; i++) {
			sizes[i] = files[i].size();
			files[i].position(sizes[i]);
		}
	}

	/** The two files of the journal of a store file. */
	static List<Path> files(Path store) {
		return List.of(store.resolveSibling(store.getFileName() + ".journal"),
				store.resolveSibling(store.getFileName() + ".journal.1"));
	}

	/** Opens the journal's files for appending, after their records were replayed and checkpointed. */
	static Journal open(List<Path> paths, boolean sync, long lastSequence) {
		try {
			FileChannel[] files = new FileChannel[paths.size()];
			for (int i = 0; i < files.length; i++) {
				files[i] = openOwnerOnly(paths.get(i));
			}
			Journal journal = new Journal(files, sync);
			journal.appended = lastSequence;
			journal.written = lastSequence;
			return journal;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot open the journal " + paths, e);
		}
	}

	/** The journal holds codes' records as the store does: readable by the owner only, from its creation on. */
	private static FileChannel openOwnerOnly(Path file) throws IOException {
		Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.READ);
		try {
			return FileChannel.open(file, options,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException e) {
			return FileChannel.open(file, options);
		}
	}

	/**
	 * Appends a record in memory; {@link #writeThrough} puts it in the file. Returns its sequence number.
	 *
	 * @param before the document before the change, null when it was inserted
	 * @param after the document after the change, null when it was deleted
	 */
	synchronized long append(String collection, Document before, Document after) {
		long sequence = appended + 1;
		pending.append(out -> JournalRecord.write(out, sequence, collection, before, after));
		appended++;
		return appended;
	}

	long appended() {
		return appended;
	}

	/** After a replay: the records up to {@code sequence} are in the store, the next one follows it. */
	synchronized void continueFrom(long sequence) {
		appended = sequence;
		written = sequence;
	}

	/** Returns once every record up to {@code sequence} is in the file; one caller writes for all who wait. */
	void writeThrough(long sequence) {
		if (written >= sequence) {
			return;
		}
		writing.lock();
		try {
			if (written < sequence) {
				flush();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("The journal could not be written", e);
		}
		finally {
			writing.unlock();
		}
	}

	/** Writes (and forces, if syncing) everything appended so far to the active file. Holds {@link #writing}. */
	private void flush() throws IOException {
		List<ByteBuf> batch;
		long through;
		synchronized (this) {
			batch = pending.take();
			through = appended;
		}
		try {
			for (ByteBuf chunk : batch) {
				ByteBuffer bytes = chunk.nioBuffer();
				while (bytes.hasRemaining()) {
					sizes[active] += files[active].write(bytes);
				}
			}
		}
		finally {
			batch.forEach(ByteBuf::release);
		}
		if (sync) {
			files[active].force(false);
		}
		written = through;
	}

	/** Whether every write is forced to the disk. */
	boolean syncs() {
		return sync;
	}

	/** How many bytes the active file holds: a checkpoint is due when it grows large. */
	long size() {
		return sizes[active] + pending.size();
	}

	/**
	 * Makes the other file the one appended to, after writing out everything appended so far; called with no
	 * command running. Returns false, switching nothing, when the other file still holds records (the checkpoint
	 * that was to empty it failed): then only a checkpoint between commands may go on.
	 */
	boolean switchFiles() {
		writing.lock();
		try {
			int other = 1 - active;
			if (sizes[other] > 0) {
				return false;
			}
			flush();
			active = other;
			return true;
		}
		catch (IOException e) {
			throw new UncheckedIOException("The journal could not be written", e);
		}
		finally {
			writing.unlock();
		}
	}

	/** Empties the file appended to before the last {@link #switchFiles}: a commit on the disk holds its records. */
	void emptyInactive() {
		writing.lock();
		try {
			empty(1 - active);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The journal could not be emptied", e);
		}
		finally {
			writing.unlock();
		}
	}

	/**
	 * Empties both files after a checkpoint committed everything appended so far; called with no command running,
	 * so nothing is appended meanwhile. Records waiting to be written are in the store now, so their waiters are
	 * released.
	 */
	void restart() {
		writing.lock();
		try {
			synchronized (this) {
				pending.clear();
				written = appended;
			}
			empty(0);
			empty(1);
			active = 0;
		}
		catch (IOException e) {
			throw new UncheckedIOException("The journal could not be emptied", e);
		}
		finally {
			writing.unlock();
		}
	}

	private void empty(int file) throws IOException {
		if (sizes[file] == 0 && files[file].size() == 0) {
			return;
		}
		files[file].truncate(0);
		files[file].position(0);
		if (sync) {
			files[file].force(true);
		}
		sizes[file] = 0;
	}

	@Override
	public synchronized void close() throws IOException {
		pending.release();
		for (FileChannel file : files) {
			file.close();
		}
	}
}
