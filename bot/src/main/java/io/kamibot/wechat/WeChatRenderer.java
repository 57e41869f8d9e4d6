package io.kamibot.wechat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.QrCodes;
import io.kamibot.conversation.Reply;

/**
 * Turns replies into what an Official Account chat can show: texts of at most {@value #MAX_TEXT_BYTES} bytes,
 * buttons as one numbered list across the replies (the buyer answers with the number), a QR code as an image after
 * its text.
 */
final class WeChatRenderer {

	/** WeChat's limit for one text message. */
	static final int MAX_TEXT_BYTES = 2048;

	private WeChatRenderer() {
	}

	/**
	 * @param messages in the order to send them
	 * @param choices the data of the numbered buttons: number {@code n} is {@code choices.get(n - 1)}
	 */
	record Rendered(List<WeChatMessage> messages, List<String> choices) {
	}

	/** @param chooseHint the line that introduces the numbered choices, in the buyer's language */
	static Rendered render(List<Reply> replies, String chooseHint) {
		List<WeChatMessage> messages = new ArrayList<>();
		List<String> choices = new ArrayList<>();
		for (Reply reply : replies) {
			StringBuilder text = new StringBuilder(reply.invoice() != null
					? reply.invoice().title() + "\n" + reply.invoice().description() : reply.text());
			List<Button> buttons = reply.buttons().stream().flatMap(List::stream).toList();
			if (!buttons.isEmpty()) {
				text.append("\n\n").append(chooseHint);
				for (Button button : buttons) {
					choices.add(button.data());
					text.append('\n').append(choices.size()).append(". ").append(button.label());
				}
			}
			split(text.toString()).forEach(part -> messages.add(new WeChatMessage.Text(part)));
			if (reply.qr() != null) {
				messages.add(new WeChatMessage.Image(QrCodes.png(reply.qr())));
			}
		}
		return new Rendered(messages, choices);
	}

	/** Cuts a text into parts within the limit, at line ends where it can. */
	static List<String> split(String text) {
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		int bytes = 0;
		for (String line : text.split("(?<=\n)")) {
			int lineBytes = utf8(line);
			if (bytes + lineBytes > MAX_TEXT_BYTES && part.length() > 0) {
				parts.add(part.toString().stripTrailing());
				part.setLength(0);
				bytes = 0;
			}
			if (lineBytes > MAX_TEXT_BYTES) {
				for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
					String character = Character.toString(line.codePointAt(i));
					int characterBytes = utf8(character);
					if (bytes + characterBytes > MAX_TEXT_BYTES) {
						parts.add(part.toString());
						part.setLength(0);
						bytes = 0;
					}
					part.append(character);
					bytes += characterBytes;
				}
			}
			else {
				part.append(line);
				bytes += lineBytes;
			}
		}
		if (!part.toString().isBlank()) {
			parts.add(part.toString().stripTrailing());
		}
		return parts;
	}

	private static int utf8(CharSequence text) {
		return text.toString().getBytes(StandardCharsets.UTF_8).length;
	}
}
