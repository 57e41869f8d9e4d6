package io.kamibot.conversation;

import io.kamibot.customer.ChannelIdentity;

/**
 * One thing a user did in a chat: sent a text, or pressed a button (whose data is {@code callback}).
 *
 * @param chatId where replies go
 * @param userId who did it
 * @param origin the network address it came from, where the channel knows its users' addresses (the web chat);
 *     {@code null} where a platform relays the traffic
 */
public record Inbound(String channel, String chatId, String userId, String text, String callback, String origin) {

	/** Longer texts are refused unread: no command needs more. */
	public static final int MAX_TEXT = 4096;

	public static Inbound message(String channel, String chatId, String userId, String text) {
		return new Inbound(channel, chatId, userId, text, null, null);
	}

	public static Inbound button(String channel, String chatId, String userId, String data) {
		return new Inbound(channel, chatId, userId, null, data, null);
	}

	/** The same, as sent from a network address. */
	public Inbound from(String address) {
		return new Inbound(channel, chatId, userId, text, callback, address);
	}

	public ChannelIdentity identity() {
		return new ChannelIdentity(channel, userId);
	}

	public boolean isButton() {
		return callback != null;
	}
}
