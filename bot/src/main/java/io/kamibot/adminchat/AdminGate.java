package io.kamibot.adminchat;

import io.kamibot.admins.Admins;
import io.kamibot.conversation.Session;
import org.springframework.stereotype.Component;

/** Who may use admin commands and buttons, and how they are named in the audit log. */
@Component
class AdminGate {

	private final Admins admins;

	AdminGate(Admins admins) {
		this.admins = admins;
	}

	boolean allows(Session session) {
		return admins.isAdmin(session.customer().identity());
	}

	static String actor(Session session) {
		return session.customer().identity().toString();
	}
}
