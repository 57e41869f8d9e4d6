package io.kamibot.embedded;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An import file made up while it is read: {@code count} distinct codes, one per line, so that a million codes go
 * to the admin API as one streamed request without a file or a string of that size in memory.
 */
final class CodeLines extends InputStream {

	private final String prefix;
	private final long count;
	private long next;
	private byte[] line = new byte[0];
	private int position;

	CodeLines(String prefix, long count) {
		this.prefix = prefix;
		this.count = count;
	}

	@Override
	public int read() {
		if (position == line.length) {
			if (next == count) {
				return -1;
			}
			line = (prefix + next++ + "\n").getBytes(StandardCharsets.US_ASCII);
			position = 0;
		}
		return line[position++];
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		int read = 0;
		while (read < length) {
			int b = read();
			if (b < 0) {
				return read == 0 ? -1 : read;
			}
			buffer[offset + read++] = (byte) b;
		}
		return read;
	}
}
