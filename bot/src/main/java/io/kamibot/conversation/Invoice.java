package io.kamibot.conversation;

import io.kamibot.money.Money;

/**
 * An invoice to pay inside the chat (Telegram Stars): one price, the order number as payload.
 *
 * @param title 1–32 characters
 * @param description 1–255 characters
 */
public record Invoice(String title, String description, String payload, Money amount) {

	public Invoice {
		title = clip(title, 32);
		description = clip(description, 255);
		if (payload == null || payload.isEmpty() || payload.length() > 128) {
			throw new IllegalArgumentException("An invoice payload has 1-128 bytes");
		}
	}

	private static String clip(String text, int max) {
		String value = text == null || text.isBlank() ? "-" : text.strip();
		return value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}
}
