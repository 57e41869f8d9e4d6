package io.kamibot.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;

/**
 * Reads a stored document from the page it is in, giving the same values the server's decoder gives, with one
 * difference: field names are shared ({@link FieldNames}). The server's decoder makes a new string for every field
 * name of every document read, and a page read decodes all its documents: ten names a code, most of what a code's
 * document takes in the heap besides its values. Documents holding a type this reader leaves out (regular
 * expressions, timestamps, decimals, UUIDs, code, min and max keys) are read by the server's decoder.
 */
final class StoredBson {

	private StoredBson() {
	}

	/** The document of {@code length} bytes at the buffer's position, which is moved past it. */
	static Document read(ByteBuffer buffer, int length) {
		int start = buffer.position();
		Document document;
		try {
			document = new Reader(buffer, start).document();
		}
		catch (Unusual e) {
			ByteBuffer slice = buffer.duplicate();
			slice.position(start).limit(start + length);
			document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice.slice()));
		}
		buffer.position(start + length);
		return document;
	}

	/** A type left to the server's decoder. */
	private static final class Unusual extends RuntimeException {

		private static final Unusual INSTANCE = new Unusual();

		private Unusual() {
			super(null, null, false, false);
		}
	}

	private static final class Reader {

		private final ByteBuffer buffer;
		private int at;

		Reader(ByteBuffer buffer, int at) {
			this.buffer = buffer;
			this.at = at;
		}

		Document document() {
			int end = at + intLE();
			Document document = new Document();
			while (at < end) {
				byte type = buffer.get(at++);
				if (type == 0) {
					return document;
				}
				String name = name();
				if (document.put(name, value(type)) != null) {
					throw new IllegalArgumentException("Document already contains field '" + name + "'");
				}
			}
			throw new IllegalArgumentException("illegal BSON object: no terminating byte");
		}

		private List<Object> array() {
			int end = at + intLE();
			List<Object> values = new ArrayList<>();
			while (at < end) {
				byte type = buffer.get(at++);
				if (type == 0) {
					return values;
				}
				skipName();
				values.add(value(type));
			}
			throw new IllegalArgumentException("illegal BSON array: no terminating byte");
		}

		private Object value(byte type) {
			switch (type) {
				case 1:
					return Double.longBitsToDouble(longLE());
				case 2:
					return string();
				case 3:
					return document();
				case 4:
					return array();
				case 5:
					return binary();
				case 6, 10:
					return null;
				case 7:
					return new ObjectId(bytes(12));
				case 8:
					return boolean_();
				case 9:
					return Instant.ofEpochMilli(longLE());
				case 16:
					return intLE();
				case 18:
					return longLE();
				default:
					throw Unusual.INSTANCE;
			}
		}

		private Object binary() {
			int length = intLE();
			byte subtype = buffer.get(at++);
			if (subtype != 0 && subtype != (byte) 0x80) {
				throw Unusual.INSTANCE;
			}
			return new BinData(bytes(length));
		}

		private Boolean boolean_() {
			byte value = buffer.get(at++);
			if (value != 0 && value != 1) {
				throw new IllegalArgumentException("Illegal boolean value:" + value);
			}
			return value == 1;
		}

		private String string() {
			int length = intLE();
			String value = new String(bytes(length - 1), StandardCharsets.UTF_8);
			if (buffer.get(at++) != 0) {
				throw new IllegalArgumentException("Unexpected trailing byte");
			}
			return value;
		}

		/** The field name at the position: the shared string when it is one of ASCII seen before. */
		private String name() {
			int start = at;
			int hash = 0;
			boolean ascii = true;
			byte b;
			while ((b = buffer.get(at++)) != 0) {
				hash = 31 * hash + b;
				ascii &= b > 0;
			}
			int length = at - 1 - start;
			return ascii ? FieldNames.ascii(buffer, start, length, hash)
					: new String(bytes(start, length), StandardCharsets.UTF_8);
		}

		private void skipName() {
			while (buffer.get(at++) != 0) {
				// an array's keys are its indexes
			}
		}

		private byte[] bytes(int length) {
			byte[] bytes = bytes(at, length);
			at += length;
			return bytes;
		}

		private byte[] bytes(int start, int length) {
			byte[] bytes = new byte[length];
			buffer.get(start, bytes);
			return bytes;
		}

		private int intLE() {
			int value = Integer.reverseBytes(buffer.getInt(at));
			at += 4;
			return value;
		}

		private long longLE() {
			long value = Long.reverseBytes(buffer.getLong(at));
			at += 8;
			return value;
		}
	}
}
