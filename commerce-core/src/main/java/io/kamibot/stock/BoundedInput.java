package io.kamibot.stock;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes as they are read and fails with {@link ImportTooLarge} past the limit: a declared length can be
 * absent (chunked transfer) or wrong, the bytes that arrive cannot.
 */
final class BoundedInput extends FilterInputStream {

	private final long maxBytes;
	private long read;

	BoundedInput(InputStream in, long maxBytes) {
		super(in);
		this.maxBytes = maxBytes;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		counted(skipped);
		return skipped;
	}

	private void counted(long n) {
		read += n;
		if (read > maxBytes) {
			throw new ImportTooLarge(maxBytes);
		}
	}
}
