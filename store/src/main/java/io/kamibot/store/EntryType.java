package io.kamibot.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
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

	private final boolean[] ascending;
	private final ObjectDataType fallback = new ObjectDataType();

	/** @param ascending the direction of each indexed key, in index order */
	EntryType(List<Boolean> ascending) {
		this.ascending = new boolean[ascending.size()];
		for (int i = 0; i < this.ascending.length; i++) {
			this.ascending[i] = ascending.get(i);
		}
	}

	@Override
	public int compare(Object[] a, Object[] b) {
		for (int i = 0; i < a.length; i++) {
			if (a[i] instanceof Bound || b[i] instanceof Bound) {
				// A range bound sorts before or after every value, whatever the key's direction.
				int c = rank(a[i]) - rank(b[i]);
				if (c != 0) {
					return c;
				}
				continue;
			}
			int c = compareValues(a[i], b[i]);
			if (c != 0) {
				return i >= ascending.length || ascending[i] ? c : -c;
			}
		}
		return 0;
	}

	static int compareValues(Object a, Object b) {
		if (a != null && b != null && a.getClass() == b.getClass()) {
			return compareSameType(a, b);
		}
		return ValueComparator.asc().compare(a, b);
	}

	/**
	 * The common key types compared directly, exactly as {@link ValueComparator} orders two values of that type (binary
	 * data: shorter first, then byte by byte unsigned); any other type through it. Index lookups compare keys a few
	 * dozen times each, and the general comparator spends most of its time finding out the types.
	 */
	private static int compareSameType(Object a, Object b) {
		if (a instanceof String s) {
			return s.compareTo((String) b);
		}
		if (a instanceof BinData x) {
			byte[] p = x.getData();
			byte[] q = ((BinData) b).getData();
			return p.length != q.length ? Integer.compare(p.length, q.length) : Arrays.compareUnsigned(p, q);
		}
		if (a instanceof Instant t) {
			return t.compareTo((Instant) b);
		}
		if (a instanceof Double x) {
			return compareDoubles(x, (Double) b);
		}
		if (a instanceof Long l) {
			return Long.compare(l, (Long) b);
		}
		if (a instanceof Integer i) {
			return Integer.compare(i, (Integer) b);
		}
		if (a instanceof ObjectId id) {
			return Arrays.compareUnsigned(id.toByteArray(), ((ObjectId) b).toByteArray());
		}
		if (a instanceof Boolean flag) {
			return Boolean.compare(flag, (Boolean) b);
		}
		return ValueComparator.asc().compare(a, b);
	}

	/**
	 * Doubles (the indexes' numbers) as {@link ValueComparator} orders them: by value, zeros alike, NaN above all;
	 * a whole number beyond an int, which it compares as a long, goes through it.
	 */
	private static int compareDoubles(Double a, Double b) {
		double x = a;
		double y = b;
		if (wide(x) || wide(y)) {
			return ValueComparator.asc().compare(a, b);
		}
		return x == y ? 0 : Double.compare(x, y);
	}

	/** A whole number beyond an int: the server compares it as a long, dropping any fraction beside it. */
	private static boolean wide(double value) {
		return value == Math.rint(value) && !Double.isInfinite(value)
				&& (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE);
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
