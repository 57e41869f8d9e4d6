package io.kamibot.webchat;

/** A web chat call without the chat's token, or with a wrong one; nothing was done. */
class ChatRefused extends RuntimeException {

	ChatRefused() {
		super("The chat token is missing or wrong");
	}
}
