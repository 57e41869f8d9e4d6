package io.kamibot.benefits;

import java.util.List;

/** Lines of a recipient list that name no recipient; nothing of the list was added. */
public class InvalidRecipients extends RuntimeException {

	private final List<String> lines;

	InvalidRecipients(List<String> lines) {
		super("Recipient lines not understood: " + String.join("; ", lines));
		this.lines = List.copyOf(lines);
	}

	/** Each as {@code line N: reason}. */
	public List<String> lines() {
		return lines;
	}
}
