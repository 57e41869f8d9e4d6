package io.kamibot.conversation;

import java.util.List;

/**
 * One message to a chat, in no platform's markup.
 *
 * @param buttons rows of buttons
 * @param codes secrets the message carries (also in the text): channels show them copyable and protected from
 *     forwarding where the platform can
 * @param invoice an invoice to pay in the chat app instead of a text, or {@code null}
 * @param qr what to show as a QR code to scan beside the text (a payment link), or {@code null}
 * @param file a file to send with the text as its caption, where the channel can send files (Telegram); other
 *     channels show the text alone, which should then carry a link to the file; or {@code null}
 */
public record Reply(String text, List<List<Button>> buttons, List<String> codes, Invoice invoice, String qr,
		Attachment file) {

	public Reply {
		buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
		codes = codes == null ? List.of() : List.copyOf(codes);
	}

	public Reply(String text, List<List<Button>> buttons, List<String> codes, Invoice invoice, String qr) {
		this(text, buttons, codes, invoice, qr, null);
	}

	public Reply(String text, List<List<Button>> buttons, List<String> codes) {
		this(text, buttons, codes, null, null);
	}

	public static Reply invoice(Invoice invoice) {
		return new Reply(invoice.title(), List.of(), List.of(), invoice, null);
	}

	/** A text with a QR code to scan; the text should carry the QR's content too, for chats that show no images. */
	public static Reply scan(String text, String qr) {
		return new Reply(text, List.of(), List.of(), null, qr);
	}

	/** A file with a caption; channels that cannot send files show the caption, which should link to the file. */
	public static Reply file(String caption, Attachment file) {
		return new Reply(caption, List.of(), List.of(), null, null, file);
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
