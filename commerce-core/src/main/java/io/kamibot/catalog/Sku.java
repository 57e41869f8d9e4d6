package io.kamibot.catalog;

import java.util.regex.Pattern;

/**
 * A product's stock keeping unit: 1–32 characters of {@code A-Za-z0-9_-}, so it fits into URLs, commands and
 * 64-byte button data.
 */
public record Sku(String value) {

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	public Sku {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidSku(value);
		}
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	@Override
	public String toString() {
		return value;
	}

	/** A SKU that does not have the required form. */
	public static class InvalidSku extends IllegalArgumentException {

		InvalidSku(String value) {
			super("Invalid SKU (1-32 characters of A-Za-z0-9_-): " + value);
		}
	}
}
