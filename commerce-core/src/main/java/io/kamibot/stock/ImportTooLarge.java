package io.kamibot.stock;

/** The import had more bytes than its limit allows: it was refused whole and nothing of it was imported. */
public class ImportTooLarge extends RuntimeException {

	private final long maxBytes;

	public ImportTooLarge(long maxBytes) {
		super("An import may have at most " + maxBytes + " bytes; split the file. Nothing was imported");
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}
}
