package io.kamibot.stock;

/**
 * The import is not a text file of codes (binary data, or text in another encoding than UTF-8): it was refused
 * whole and nothing of it was imported.
 */
public class NotText extends RuntimeException {

	private final long lines;
	private final long garbled;

	public NotText(long lines, long garbled) {
		super("Not UTF-8 text: " + garbled + " of the first " + lines
				+ " lines are not UTF-8 or hold control characters; nothing was imported");
		this.lines = lines;
		this.garbled = garbled;
	}

	/** How many lines were read when the import was refused. */
	public long lines() {
		return lines;
	}

	/** How many of them were not UTF-8 or held control characters. */
	public long garbled() {
		return garbled;
	}
}
