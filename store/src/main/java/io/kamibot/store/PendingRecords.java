package io.kamibot.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The journal's records appended and not yet written, in chunks: a small first one, as most commands write a
 * record or two, then chunks of {@value #CHUNK} bytes. One buffer that doubles and copies itself as a bulk write of
 * 10,000 changes fills it allocated 32 MB and copied 16 MB on the way to its 12 MB. Not thread-safe: the journal
 * holds its lock.
 */
final class PendingRecords {

	private static final int FIRST = 64 * 1024;
	private static final int CHUNK = 1 << 20;
	/** Room kept in a buffer for the record that fills it (a larger one grows the buffer). */
	private static final int ROOM = 16 * 1024;

	private final List<ByteBuf> full = new ArrayList<>();
	private long fullBytes;
	private ByteBuf current = Unpooled.buffer(FIRST);

	/**
	 * Appends with the writer, which leaves the buffer as it was if it fails. A buffer with less than {@value #ROOM}
	 * bytes left is put aside, so that neither the first buffer nor a chunk grows (and copies itself) for a record of
	 * usual size.
	 */
	void append(Consumer<ByteBuf> writer) {
		if (current.writableBytes() < ROOM && current.isReadable()) {
			full.add(current);
			fullBytes += current.readableBytes();
			current = Unpooled.buffer(CHUNK);
		}
		writer.accept(current);
	}

	long size() {
		return fullBytes + current.readableBytes();
	}

	/** Hands over everything appended (to be written, then released) and starts empty. */
	List<ByteBuf> take() {
		List<ByteBuf> taken = new ArrayList<>(full);
		taken.add(current);
		full.clear();
		fullBytes = 0;
		current = Unpooled.buffer(FIRST);
		return taken;
	}

	/** Drops everything appended. */
	void clear() {
		release();
		current = Unpooled.buffer(FIRST);
	}

	void release() {
		full.forEach(ByteBuf::release);
		full.clear();
		fullBytes = 0;
		current.release();
	}
}
