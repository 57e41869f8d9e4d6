package io.kamibot.inbox;

/**
 * One stored update, claimed for processing.
 *
 * @param chat the chat it belongs to: updates of one chat are processed in the order they arrived
 * @param payload the update as the platform sent it
 */
public record InboxItem(String id, String channel, String chat, String payload, int attempts) {

	@Override
	public String toString() {
		return "InboxItem[" + id + ", attempt " + attempts + "]";
	}
}
