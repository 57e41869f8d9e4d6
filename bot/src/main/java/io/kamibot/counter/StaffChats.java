package io.kamibot.counter;

import io.kamibot.conversation.Session;

/** How a chat is named as a staff chat: {@code channel:chatId}, as the admin API takes it too. */
final class StaffChats {

	private StaffChats() {
	}

	static String of(Session session) {
		return session.channel() + ":" + session.inbound().chatId();
	}
}
