package io.kamibot.stock;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxLength} characters from a stream without ever holding more than one line:
 * a longer line is skipped to its end and reported as {@link #OVERLONG}, so a file without line breaks cannot
 * exhaust memory.
 */
final class LineReader {

	static final String OVERLONG = new String("\u0000overlong");

	private final Reader in;
	private final int maxLength;
	private final char[] buffer = new char[8192];
	private final StringBuilder line = new StringBuilder();
	private int position;
	private int limit;
	private boolean first = true;

	LineReader(Reader in, int maxLength) {
		this.in = in;
		this.maxLength = maxLength;
	}

	/** The next line without its terminator, {@link #OVERLONG} (compare by identity), or null at the end. */
	String next() throws IOException {
		line.setLength(0);
		boolean overlong = false;
		boolean sawAny = false;
		while (true) {
			if (position == limit) {
				limit = in.read(buffer);
				position = 0;
				if (limit <= 0) {
					limit = 0;
					return sawAny ? finish(overlong) : null;
				}
			}
			char c = buffer[position++];
			sawAny = true;
			if (c == '\n') {
				return finish(overlong);
			}
			if (first && c == '\uFEFF') {
				first = false;
				continue;
			}
			first = false;
			if (overlong) {
				continue;
			}
			if (line.length() >= maxLength) {
				overlong = true;
				line.setLength(0);
				continue;
			}
			line.append(c);
		}
	}

	private String finish(boolean overlong) {
		if (overlong) {
			return OVERLONG;
		}
		int end = line.length();
		if (end > 0 && line.charAt(end - 1) == '\r') {
			end--;
		}
		return line.substring(0, end);
	}
}
