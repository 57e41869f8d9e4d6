package io.kamibot.conversation;

/**
 * Sends a message to a chat outside of a request/response exchange (a delivery, an expiry notice). Each channel
 * provides one.
 */
public interface ChannelOutbox {

	/** The channel's name, as in {@link Inbound#channel()}. */
	String channel();

	void send(String chatId, Reply reply);
}
