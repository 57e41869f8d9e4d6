package io.kamibot.resellers;

/** How a bulk order's codes are written. */
public enum FileFormat {
	/** UTF-8 with a byte order mark (so Excel reads it), header {@code code,expires_on,order,sku}. */
	CSV,
	/** One code a line. */
	TXT
}
