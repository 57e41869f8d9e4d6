package io.kamibot.conversation;

import java.util.List;

/**
 * One message to a chat, in no platform's markup.
 *
 * @param buttons rows of buttons
 * @param codes secrets the message carries (also in the text): channels show them copyable and protected from
 *     forwarding where the platform can
 * @param invoice an invoice to pay in the chat app instead of a text, or {@code null}
 */
public record Reply(String text, List<List<Button>> buttons, List<String> codes, Invoice invoice) {

	public Reply {
		buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
		codes = codes == null ? List.of() : List.copyOf(codes);
	}

	public Reply(String text, List<List<Button>> buttons, List<String> codes) {
		this(text, buttons, codes, null);
	}

	public static Reply invoice(Invoice invoice) {
		return new Reply(invoice.title(), List.of(), List.of(), invoice);
	}

	public static Reply text(String text) {
		return new Reply(text, List.of(), List.of());
	}

	public static Reply withButtons(String text, List<List<Button>> buttons) {
		return new Reply(text, buttons, List.of());
	}

	public boolean carriesCodes() {
		return !codes.isEmpty();
	}

	@Override
	public String toString() {
		// Replies may carry codes; never let one reach a log line whole.
		return "Reply[" + text.length() + " chars, " + buttons.size() + " button rows, " + codes.size() + " codes]";
	}
}
