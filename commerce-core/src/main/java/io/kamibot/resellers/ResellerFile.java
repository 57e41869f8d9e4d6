package io.kamibot.resellers;

/**
 * A file for a reseller: a bulk order's codes or a month's statement.
 *
 * @param content may hold codes: never logged
 */
public record ResellerFile(String name, String mimeType, byte[] content) {

	@Override
	public String toString() {
		return "ResellerFile[" + name + ", " + content.length + " bytes]";
	}
}
