package io.kamibot.conversation;

/**
 * A file a reply carries, e.g. a reseller's codes as CSV.
 *
 * @param content may hold codes: never logged
 */
public record Attachment(String name, String mimeType, byte[] content) {

	@Override
	public String toString() {
		return "Attachment[" + name + ", " + content.length + " bytes]";
	}
}
