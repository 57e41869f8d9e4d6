package io.kamibot.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

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
 * <p>
 * A record: length and CRC-32 of the rest, sequence number, kind, collection, then the document(s) in BSON. A torn
 * last record (the crash hit the write) fails its CRC and ends that file's replay: it was never answered.
 */
final class Journal implements Closeable {

	/** A document as written, without its earlier image: written by earlier versions, applied by {@code _id}. */
	static final byte PUT = 1;
	/** A deletion by {@code _id}: written by earlier versions. */
	static final byte DELETE = 2;
	/** A document before (if any) and after (if any) a command changed it. */
	static final byte CHANGE = 3;

	private static final byte BEFORE = 1;
	private static final byte AFTER = 2;

	private final FileChannel[] files;
	private final boolean sync;
	private final ReentrantLock writing = new ReentrantLock();
	private ByteBuf pending = Unpooled.buffer(64 * 1024);
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
		int start = pending.writerIndex();
		pending.writeInt(0).writeInt(0);
		int body = pending.writerIndex();
		pending.writeLong(appended + 1);
		pending.writeByte(CHANGE);
		byte[] name = collection.getBytes(StandardCharsets.UTF_8);
		pending.writeShort(name.length);
		pending.writeBytes(name);
		pending.writeByte((before == null ? 0 : BEFORE) | (after == null ? 0 : AFTER));
		if (before != null) {
			BsonEncoder.encodeDocument(before, pending);
		}
		if (after != null) {
			BsonEncoder.encodeDocument(after, pending);
		}
		int length = pending.writerIndex() - body;
		CRC32 crc = new CRC32();
		crc.update(pending.nioBuffer(body, length));
		pending.setInt(start, length);
		pending.setInt(start + 4, (int) crc.getValue());
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
		ByteBuf batch;
		long through;
		synchronized (this) {
			batch = pending;
			through = appended;
			pending = Unpooled.buffer(64 * 1024);
		}
		try {
			ByteBuffer bytes = batch.nioBuffer();
			while (bytes.hasRemaining()) {
				sizes[active] += files[active].write(bytes);
			}
		}
		finally {
			batch.release();
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
		return sizes[active] + pending.readableBytes();
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
	public void close() throws IOException {
		pending.release();
		for (FileChannel file : files) {
			file.close();
		}
	}

	/** What a replay does with each record newer than the last checkpoint. */
	interface Redo {

		/**
		 * @param kind {@link #CHANGE}, or {@link #PUT} or {@link #DELETE} from a journal of an earlier version
		 * @param before the document before the change ({@link #CHANGE} only), or null
		 * @param after the document after the change, or for {@link #DELETE} the deleted {@code _id}; null when a
		 * {@link #CHANGE} deleted it
		 */
		void apply(byte kind, String collection, Document before, Document after);
	}

	/**
	 * Applies the files' records after {@code checkpoint} in the order of their sequence numbers, each file up to its
	 * first torn or damaged record.
	 *
	 * @return the sequence number of the last record applied, or {@code checkpoint} when there was none
	 */
	static long replay(List<Path> paths, long checkpoint, Redo redo) {
		TreeMap<Long, ByteBuf> records = new TreeMap<>();
		for (Path path : paths) {
			read(path, records);
		}
		long last = checkpoint;
		for (Map.Entry<Long, ByteBuf> record : records.tailMap(checkpoint, false).entrySet()) {
			ByteBuf body = record.getValue();
			byte kind = body.readByte();
			byte[] name = new byte[body.readShort()];
			body.readBytes(name);
			String collection = new String(name, StandardCharsets.UTF_8);
			if (kind == CHANGE) {
				byte images = body.readByte();
				Document before = (images & BEFORE) != 0 ? BsonDecoder.decodeBson(body) : null;
				Document after = (images & AFTER) != 0 ? BsonDecoder.decodeBson(body) : null;
				redo.apply(kind, collection, before, after);
			}
			else {
				redo.apply(kind, collection, null, BsonDecoder.decodeBson(body));
			}
			last = record.getKey();
		}
		return last;
	}

	/** Adds a file's intact records, by sequence number, positioned after it. */
	private static void read(Path file, Map<Long, ByteBuf> records) {
		if (!Files.exists(file)) {
			return;
		}
		try {
			ByteBuf data = Unpooled.wrappedBuffer(Files.readAllBytes(file));
			while (data.readableBytes() >= 8) {
				int length = data.readInt();
				int crc = data.readInt();
				if (length < 11 || length > data.readableBytes()) {
					break;
				}
				ByteBuf body = data.readSlice(length);
				CRC32 check = new CRC32();
				check.update(body.nioBuffer());
				if ((int) check.getValue() != crc) {
					break;
				}
				records.put(body.readLong(), body);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("The journal could not be read", e);
		}
	}
}
