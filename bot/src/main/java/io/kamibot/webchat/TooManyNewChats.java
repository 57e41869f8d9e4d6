package io.kamibot.webchat;

/** The client address started as many chats as it may in the window; no chat was started. */
class TooManyNewChats extends RuntimeException {

	TooManyNewChats(int limit) {
		super("At most " + limit + " new chats per client address in a short time");
	}
}
