package io.kamibot.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Field names with their UTF-8 bytes, kept for {@link StoredBson} (a name read is the string seen before) and
 * {@link BsonWriting} (a name written is the bytes encoded before). A few hundred names serve every document, and
 * decoding or encoding each one again for every field of every document was most of what reading and writing
 * documents allocated. Slots are taken by the names' string hash (for ASCII, the hash of their bytes too) and written
 * without locks: each entry is immutable, and a lost write only costs a name made again.
 */
final class FieldNames {

	private static final int SLOTS = 1024;
	private static final Name[] names = new Name[SLOTS];

	private FieldNames() {
	}

	/** The name's bytes in UTF-8. */
	static byte[] bytes(String name) {
		int slot = slot(name.hashCode());
		Name known = names[slot];
		if (known != null && known.name.equals(name)) {
			return known.bytes;
		}
		byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
		names[slot] = new Name(name, bytes);
		return bytes;
	}

	/**
	 * The name whose ASCII bytes are in the buffer from {@code start}, {@code length} of them, given their hash as a
	 * string's ({@code 31 * h + b} over the bytes).
	 */
	static String ascii(ByteBuffer buffer, int start, int length, int hash) {
		int slot = slot(hash);
		Name known = names[slot];
		if (known != null && same(known.bytes, buffer, start, length)) {
			return known.name;
		}
		byte[] bytes = new byte[length];
		buffer.get(start, bytes);
		String name = new String(bytes, StandardCharsets.US_ASCII);
		names[slot] = new Name(name, bytes);
		return name;
	}

	private static boolean same(byte[] bytes, ByteBuffer buffer, int start, int length) {
		if (bytes.length != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (bytes[i] != buffer.get(start + i)) {
				return false;
			}
		}
		return true;
	}

	private static int slot(int hash) {
		return (hash ^ hash >>> 16) & (SLOTS - 1);
	}

	private record Name(String name, byte[] bytes) {
	}
}
