package io.kamibot.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;

/**
 * Writes documents in BSON byte for byte as the server's encoder does, for the journal (both images of every change)
 * and the commits (every changed document): field names' bytes are kept ({@link FieldNames}), not encoded again for
 * every field of every document, strings are written without a copy, and a field is not looked up again by its name.
 * A value of a rarer type, and a map that is not a {@link Document}, are written by the server's encoder.
 */
final class BsonWriting {

	private BsonWriting() {
	}

	static void write(Document document, ByteBuf out) {
		int start = out.writerIndex();
		out.writeIntLE(0);
		for (Map.Entry<String, Object> field : document.entrySet()) {
			write(field.getKey(), field.getValue(), out);
		}
		out.writeByte(0);
		out.setIntLE(start, out.writerIndex() - start);
	}

	private static void write(String name, Object value, ByteBuf out) {
		int typeAt = out.writerIndex();
		out.writeByte(0);
		out.writeBytes(FieldNames.bytes(name));
		out.writeByte(0);
		out.setByte(typeAt, value(value, out));
	}

	/** Writes the value and returns its BSON type. */
	private static byte value(Object value, ByteBuf out) {
		if (value == null) {
			return 10;
		}
		if (value instanceof String string) {
			int lengthAt = out.writerIndex();
			out.writeIntLE(0);
			int length = out.writeCharSequence(string, StandardCharsets.UTF_8);
			out.writeByte(0);
			out.setIntLE(lengthAt, length + 1);
			return 2;
		}
		if (value instanceof Document document) {
			write(document, out);
			return 3;
		}
		if (value instanceof Integer number) {
			out.writeIntLE(number);
			return 16;
		}
		if (value instanceof Long number) {
			out.writeLongLE(number);
			return 18;
		}
		if (value instanceof Double number) {
			out.writeLongLE(Double.doubleToRawLongBits(number));
			return 1;
		}
		if (value instanceof Instant instant) {
			out.writeLongLE(instant.toEpochMilli());
			return 9;
		}
		if (value instanceof Boolean flag) {
			out.writeByte(flag ? 1 : 0);
			return 8;
		}
		if (value instanceof ObjectId id) {
			out.writeBytes(id.toByteArray());
			return 7;
		}
		if (value instanceof BinData data) {
			byte[] bytes = data.getData();
			out.writeIntLE(bytes.length);
			out.writeByte(0);
			out.writeBytes(bytes);
			return 5;
		}
		if (value instanceof Collection<?> values) {
			int start = out.writerIndex();
			out.writeIntLE(0);
			int index = 0;
			for (Object element : values) {
				write(Integer.toString(index++), element, out);
			}
			out.writeByte(0);
			out.setIntLE(start, out.writerIndex() - start);
			return 4;
		}
		byte type = BsonEncoder.determineType(value);
		BsonEncoder.encodeValue(type, value, out);
		return type;
	}
}
