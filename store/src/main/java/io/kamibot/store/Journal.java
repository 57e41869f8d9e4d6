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
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The redo log beside the store file: every document a command writes or deletes is appended here, in the order the
 * collection applied it, and written to the file before the command is answered. Commands that finish together
 * share one write. The store file itself is committed only now and then (a checkpoint), after which the journal
 * starts again; after a crash, the records newer than the last checkpoint are applied again.
 * <p>
 * A record: length and CRC-32 of the rest, sequence number, kind (put or delete), collection, and the document
 * in BSON. A torn last record (the crash hit the write) fails its CRC and ends the replay: it was never answered.
 */
final class Journal implements Closeable {

	static final byte PUT = 1;
	static final byte DELETE = 2;

	private final FileChannel channel;
	private final boolean sync;
	private final ReentrantLock writing = new ReentrantLock();
	private ByteBuf pending = Unpooled.buffer(64 * 1024);
	private volatile long appended;
	private volatile long written;
	private long size;

	private Journal(FileChannel channel, boolean sync, long size) {
		this.channel = channel;
		this.sync = sync;
		this.size = size;
	}

	/** Opens the journal file for appending, after its records were replayed. */
	static Journal open(Path file, boolean sync, long lastSequence) {
		try {
			FileChannel channel = openOwnerOnly(file);
			channel.position(channel.size());
			Journal journal = new Journal(channel, sync, channel.size());
			journal.appended = lastSequence;
			journal.written = lastSequence;
			return journal;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot open the journal " + file, e);
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

	/** Appends a record in memory; {@link #writeThrough} puts it in the file. Returns its sequence number. */
	synchronized long append(byte kind, String collection, Document document) {
		ByteBuf body = Unpooled.buffer(256);
		body.writeLong(appended + 1);
		body.writeByte(kind);
		byte[] name = collection.getBytes(StandardCharsets.UTF_8);
		body.writeShort(name.length);
		body.writeBytes(name);
		BsonEncoder.encodeDocument(document, body);
		CRC32 crc = new CRC32();
		crc.update(body.nioBuffer());
		pending.writeInt(body.readableBytes());
		pending.writeInt((int) crc.getValue());
		pending.writeBytes(body);
		body.release();
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
			if (written >= sequence) {
				return;
			}
			ByteBuf batch;
			long through;
			synchronized (this) {
				batch = pending;
				through = appended;
				pending = Unpooled.buffer(64 * 1024);
			}
			ByteBuffer bytes = batch.nioBuffer();
			while (bytes.hasRemaining()) {
				size += channel.write(bytes);
			}
			batch.release();
			if (sync) {
				channel.force(false);
			}
			written = through;
		}
		catch (IOException e) {
			throw new UncheckedIOException("The journal could not be written", e);
		}
		finally {
			writing.unlock();
		}
	}

	/** Whether every write is forced to the disk. */
	boolean syncs() {
		return sync;
	}

	/** How many bytes the journal holds: a checkpoint is due when it grows large. */
	long size() {
		return size;
	}

	/**
	 * Empties the journal after a checkpoint committed everything appended so far; called with no command running,
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
			channel.truncate(0);
			channel.position(0);
			if (sync) {
				channel.force(true);
			}
			size = 0;
		}
		catch (IOException e) {
			throw new UncheckedIOException("The journal could not be emptied", e);
		}
		finally {
			writing.unlock();
		}
	}

	@Override
	public void close() throws IOException {
		pending.release();
		channel.close();
	}

	/** What a replay does with each record newer than the last checkpoint. */
	interface Redo {

		void apply(byte kind, String collection, Document document);
	}

	/**
	 * Applies the file's records after {@code checkpoint}, in order, up to the first torn or damaged one.
	 *
	 * @return the sequence number of the last record applied, or {@code checkpoint} when there was none
	 */
	static long replay(Path file, long checkpoint, Redo redo) {
		if (!Files.exists(file)) {
			return checkpoint;
		}
		long last = checkpoint;
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
				long sequence = body.readLong();
				byte kind = body.readByte();
				byte[] name = new byte[body.readShort()];
				body.readBytes(name);
				Document document = BsonDecoder.decodeBson(body);
				if (sequence > last) {
					redo.apply(kind, new String(name, StandardCharsets.UTF_8), document);
					last = sequence;
				}
			}
			return last;
		}
		catch (IOException e) {
			throw new UncheckedIOException("The journal could not be read", e);
		}
	}
}
