package io.kamibot.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How index keys are kept in the B-tree: the indexed values (for a secondary index followed by the document's
 * position, {@code _id}), ordered value by value as MongoDB orders them, each key in its own direction.
 * The common types are written compactly; anything else falls back to H2's own object encoding.
 */
final class EntryType extends BasicDataType<Object[]> {

	private static final byte NULL = 0;
	private static final byte DOUBLE = 1;
	private static final byte LONG = 2;
	private static final byte INTEGER = 3;
	private static final byte STRING = 4;
	private static final byte INSTANT = 5;
	private static final byte OBJECT_ID = 6;
	private static final byte TRUE = 7;
	private static final byte FALSE = 8;
	private static final byte BINARY = 10;
	private static final byte OTHER = 9;

	private final List<Comparator<Object>> orders;
	private final ObjectDataType fallback = new ObjectDataType();

	/** @param ascending the direction of each indexed key, in index order */
	EntryType(List<Boolean> ascending) {
		this.orders = ascending.stream()
			.map(up -> up ? (Comparator<Object>) ValueComparator.asc() : ValueComparator.desc())
			.toList();
	}

	@Override
	public int compare(Object[] a, Object[] b) {
		for (int i = 0; i < a.length; i++) {
			Comparator<Object> order = i < orders.size() ? orders.get(i) : ValueComparator.asc();
			int c = compareValues(a[i], b[i], order);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	private static int compareValues(Object a, Object b, Comparator<Object> order) {
		if (a instanceof Bound || b instanceof Bound) {
			return rank(a) - rank(b);
		}
		return order.compare(a, b);
	}

	private static int rank(Object value) {
		if (value == Bound.LOW) {
			return -1;
		}
		return value == Bound.HIGH ? 1 : 0;
	}

	@Override
	public int getMemory(Object[] entry) {
		int memory = 24 + 8 * entry.length;
		for (Object value : entry) {
			memory += value instanceof String s ? 40 + 2 * s.length() : 24;
		}
		return memory;
	}

	@Override
	public Object[][] createStorage(int size) {
		return new Object[size][];
	}

	@Override
	public void write(WriteBuffer buffer, Object[] entry) {
		buffer.putVarInt(entry.length);
		for (Object value : entry) {
			writeValue(buffer, value);
		}
	}

	void writeValue(WriteBuffer buffer, Object value) {
		if (value == null) {
			buffer.put(NULL);
		}
		else if (value instanceof Double d) {
			buffer.put(DOUBLE).putDouble(d);
		}
		else if (value instanceof Long l) {
			buffer.put(LONG).putLong(l);
		}
		else if (value instanceof Integer i) {
			buffer.put(INTEGER).putInt(i);
		}
		else if (value instanceof String s) {
			byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
			buffer.put(STRING).putVarInt(bytes.length).put(bytes);
		}
		else if (value instanceof Instant t) {
			buffer.put(INSTANT).putLong(t.getEpochSecond()).putInt(t.getNano());
		}
		else if (value instanceof ObjectId id) {
			buffer.put(OBJECT_ID).put(id.toByteArray());
		}
		else if (value instanceof Boolean b) {
			buffer.put(b ? TRUE : FALSE);
		}
		else if (value instanceof BinData binary) {
			buffer.put(BINARY).putVarInt(binary.getData().length).put(binary.getData());
		}
		else if (value instanceof Bound) {
			throw new IllegalArgumentException("A range bound is never stored");
		}
		else {
			buffer.put(OTHER);
			fallback.write(buffer, value);
		}
	}

	@Override
	public Object[] read(ByteBuffer buffer) {
		Object[] entry = new Object[DataUtils.readVarInt(buffer)];
		for (int i = 0; i < entry.length; i++) {
			entry[i] = readValue(buffer);
		}
		return entry;
	}

	Object readValue(ByteBuffer buffer) {
		byte tag = buffer.get();
		return switch (tag) {
			case NULL -> null;
			case DOUBLE -> buffer.getDouble();
			case LONG -> buffer.getLong();
			case INTEGER -> buffer.getInt();
			case STRING -> {
				byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
				buffer.get(bytes);
				yield new String(bytes, StandardCharsets.UTF_8);
			}
			case INSTANT -> Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
			case OBJECT_ID -> {
				byte[] bytes = new byte[12];
				buffer.get(bytes);
				yield new ObjectId(bytes);
			}
			case BINARY -> {
				byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
				buffer.get(bytes);
				yield new BinData(bytes);
			}
			case TRUE -> Boolean.TRUE;
			case FALSE -> Boolean.FALSE;
			case OTHER -> fallback.read(buffer);
			default -> throw new IllegalStateException("Unknown index value tag " + tag);
		};
	}
}
