package io.kamibot.adminchat;

import java.util.List;
import java.util.Set;

import io.kamibot.alerts.Alerts;
import io.kamibot.audit.AuditLog;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /admin_register}: an admin makes the chat (a Telegram group) an admin destination for alerts. */
@Component
class RegisterCommand implements Command {

	private final AdminGate gate;
	private final Alerts alerts;
	private final AuditLog audit;
	private final Menus menus;

	RegisterCommand(AdminGate gate, Alerts alerts, AuditLog audit, Menus menus) {
		this.gate = gate;
		this.alerts = alerts;
		this.audit = audit;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("admin_register");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		String chat = session.inbound().chatId();
		if (!alerts.register(session.channel(), chat, AdminGate.actor(session))) {
			return session.say(Text.ADMIN_ALREADY_REGISTERED);
		}
		audit.record(AdminGate.actor(session), "destination.register", session.channel() + ":" + chat, null);
		return List.of(Reply.text(session.text(Text.ADMIN_REGISTERED) + "\n\n" + session.text(Text.ADMIN_HELP)));
	}
}
