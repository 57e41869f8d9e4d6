package io.kamibot.store;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A document's position (its {@code _id}) as a key of the documents and a value of unique indexes: written compactly
 * like an index value, ordered as MongoDB orders values. H2's default type wrote an ObjectId through Java
 * serialisation, once per key of every page it wrote, which was a fifth of an import's time.
 */
final class PositionType extends BasicDataType<Object> {

	static final PositionType INSTANCE = new PositionType();

	private final EntryType values = new EntryType(java.util.List.of());

	private PositionType() {
	}

	/**
	 * As MongoDB orders values; two positions of one type (ObjectIds, the common case) directly, without the general
	 * comparator's look-up of both types' ranks, which was a tenth of a bulk update's CPU (every B-tree descent to a
	 * document compares a dozen positions).
	 */
	@Override
	public int compare(Object a, Object b) {
		return EntryType.compareValues(a, b);
	}

	@Override
	public int getMemory(Object position) {
		return position instanceof String s ? 40 + 2 * s.length() : 32;
	}

	@Override
	public void write(WriteBuffer buffer, Object position) {
		values.writeValue(buffer, position);
	}

	@Override
	public Object read(ByteBuffer buffer) {
		return values.readValue(buffer);
	}

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}
}
