package io.kamibot.stock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.kamibot.stock.ImportReport.Reason;

/**
 * Reads lines of UTF-8 text from bytes without ever holding more than one line. Each line is decoded on its own by
 * a decoder that reports malformed input instead of replacing it, so bytes that are not UTF-8, and characters that
 * cannot be part of a code, are reported for that line rather than patched into something that looks like a code.
 * A line longer than {@code maxBytes} is skipped to its end, so a file without line breaks cannot exhaust memory.
 */
final class LineReader {

	private static final byte[] BYTE_ORDER_MARK = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** One line: its text, or why it cannot hold a code (then {@code text} is null). */
	record Line(String text, Reason unreadable) {

		/** Not UTF-8, or holding characters no code has: what a binary file is made of. */
		boolean garbled() {
			return unreadable == Reason.INVALID_UTF8 || unreadable == Reason.CONTROL_CHARACTER;
		}
	}

	private final InputStream in;
	private final byte[] buffer = new byte[8192];
	private final ByteBuffer line;
	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);
	private int position;
	private int limit;
	private boolean first = true;

	LineReader(InputStream in, int maxBytes) {
		this.in = in;
		this.line = ByteBuffer.allocate(maxBytes);
	}

	/** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
	Line next() throws IOException {
		line.clear();
		boolean overlong = false;
		boolean controlByte = false;
		boolean sawAny = false;
		while (true) {
			if (position == limit) {
				limit = in.read(buffer);
				position = 0;
				if (limit <= 0) {
					limit = 0;
					return sawAny ? finish(overlong, controlByte) : null;
				}
			}
			byte b = buffer[position++];
			sawAny = true;
			if (b == '\n') {
				return finish(overlong, controlByte);
			}
			// Seen even in the skipped part of an overlong line, so a long run of binary still counts as binary.
			controlByte |= (b >= 0 && b < 0x20 && b != '\t' && b != '\r') || b == 0x7F;
			if (overlong) {
				continue;
			}
			if (!line.hasRemaining()) {
				overlong = true;
				continue;
			}
			line.put(b);
		}
	}

	private Line finish(boolean overlong, boolean controlByte) {
		boolean firstLine = first;
		first = false;
		if (overlong) {
			return new Line(null, controlByte ? Reason.CONTROL_CHARACTER : Reason.TOO_LONG);
		}
		line.flip();
		if (firstLine && startsWithByteOrderMark()) {
			line.position(BYTE_ORDER_MARK.length);
		}
		if (line.remaining() > 0 && line.get(line.limit() - 1) == '\r') {
			line.limit(line.limit() - 1);
		}
		String text;
		try {
			text = decoder.reset().decode(line).toString();
		}
		catch (CharacterCodingException e) {
			return new Line(null, Reason.INVALID_UTF8);
		}
		return text.codePoints().anyMatch(LineReader::invisible) ? new Line(null, Reason.CONTROL_CHARACTER)
				: new Line(text, null);
	}

	private boolean startsWithByteOrderMark() {
		if (line.remaining() < BYTE_ORDER_MARK.length) {
			return false;
		}
		for (int i = 0; i < BYTE_ORDER_MARK.length; i++) {
			if (line.get(i) != BYTE_ORDER_MARK[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * NUL and the other control characters (a tab only separates), and format characters such as a zero-width
	 * space or a direction override: a code must be what it looks like.
	 */
	private static boolean invisible(int codePoint) {
		int type = Character.getType(codePoint);
		return (type == Character.CONTROL && codePoint != '\t') || type == Character.FORMAT;
	}
}
