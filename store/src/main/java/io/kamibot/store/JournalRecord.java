package io.kamibot.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;

/**
 * One record of the {@link Journal}: length and CRC-32 of the rest, sequence number, kind, collection, then the
 * document(s) in BSON. A torn record (the crash hit the write) fails its CRC: it was never answered.
 *
 * @param kind {@link #CHANGE}, or {@link #PUT} or {@link #DELETE} from a journal of an earlier version
 * @param before the document before the change ({@link #CHANGE} only), or null
 * @param after the document after the change, or for {@link #DELETE} the deleted {@code _id}; null when a
 * {@link #CHANGE} deleted it
 */
record JournalRecord(long sequence, byte kind, String collection, Document before, Document after) {

	/** A document as written, without its earlier image: written by earlier versions, applied by {@code _id}. */
	static final byte PUT = 1;
	/** A deletion by {@code _id}: written by earlier versions. */
	static final byte DELETE = 2;
	/** A document before (if any) and after (if any) a command changed it. */
	static final byte CHANGE = 3;

	private static final byte BEFORE = 1;
	private static final byte AFTER = 2;
	private static final int HEADER = 8;
	private static final int SMALLEST = 11;

	/** Appends a {@link #CHANGE} record to the buffer; if encoding fails, the buffer is left as it was. */
	static void write(ByteBuf out, long sequence, String collection, Document before, Document after) {
		int start = out.writerIndex();
		try {
			encode(out, sequence, collection, before, after);
		}
		catch (RuntimeException e) {
			// Half a record would end every replay there, taking the records after it along.
			out.writerIndex(start);
			throw e;
		}
	}

	private static void encode(ByteBuf out, long sequence, String collection, Document before, Document after) {
		int start = out.writerIndex();
		out.writeInt(0).writeInt(0);
		int body = out.writerIndex();
		out.writeLong(sequence);
		out.writeByte(CHANGE);
		byte[] name = collection.getBytes(StandardCharsets.UTF_8);
		out.writeShort(name.length);
		out.writeBytes(name);
		out.writeByte((before == null ? 0 : BEFORE) | (after == null ? 0 : AFTER));
		if (before != null) {
			BsonWriting.write(before, out);
		}
		if (after != null) {
			BsonWriting.write(after, out);
		}
		int length = out.writerIndex() - body;
		CRC32 crc = new CRC32();
		crc.update(out.nioBuffer(body, length));
		out.setInt(start, length);
		out.setInt(start + 4, (int) crc.getValue());
	}

	/** The next intact record of the data, or null at its end or at a torn or damaged record. */
	static JournalRecord read(ByteBuf data) {
		if (data.readableBytes() < HEADER) {
			return null;
		}
		int length = data.readInt();
		int crc = data.readInt();
		if (length < SMALLEST || length > data.readableBytes()) {
			return null;
		}
		ByteBuf body = data.readSlice(length);
		CRC32 check = new CRC32();
		check.update(body.nioBuffer());
		if ((int) check.getValue() != crc) {
			return null;
		}
		long sequence = body.readLong();
		byte kind = body.readByte();
		byte[] name = new byte[body.readShort()];
		body.readBytes(name);
		String collection = new String(name, StandardCharsets.UTF_8);
		if (kind != CHANGE) {
			return new JournalRecord(sequence, kind, collection, null, BsonDecoder.decodeBson(body));
		}
		byte images = body.readByte();
		Document before = (images & BEFORE) != 0 ? BsonDecoder.decodeBson(body) : null;
		Document after = (images & AFTER) != 0 ? BsonDecoder.decodeBson(body) : null;
		return new JournalRecord(sequence, kind, collection, before, after);
	}
}
