package io.kamibot.conversation;

import java.nio.charset.StandardCharsets;

/**
 * A button under a reply. Its data comes back as {@link Inbound#callback()} when pressed.
 *
 * @param data at most {@value #MAX_DATA_BYTES} bytes of UTF-8 (Telegram's limit for callback data)
 */
public record Button(String label, String data) {

	public static final int MAX_DATA_BYTES = 64;

	public Button {
		if (label == null || label.isBlank()) {
			throw new IllegalArgumentException("A button needs a label");
		}
		if (data == null || data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
			throw new IllegalArgumentException("Button data must be 1-" + MAX_DATA_BYTES + " bytes: " + data);
		}
	}
}
