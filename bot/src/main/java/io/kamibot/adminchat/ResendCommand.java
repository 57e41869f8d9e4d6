package io.kamibot.adminchat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kamibot.audit.AuditLog;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.delivery.Deliveries;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /resend ORDER}: the buyer gets the order's codes again, in their own chat (never the admin's). */
@Component
class ResendCommand implements Command {

	private final AdminGate gate;
	private final Deliveries deliveries;
	private final AuditLog audit;
	private final Menus menus;

	ResendCommand(AdminGate gate, Deliveries deliveries, AuditLog audit, Menus menus) {
		this.gate = gate;
		this.deliveries = deliveries;
		this.audit = audit;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("resend");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		if (args.size() != 1) {
			return session.say(Text.RESEND_USAGE);
		}
		return resend(session, args.get(0).toUpperCase(Locale.ROOT));
	}

	/** Sends a delivered order's codes again; the caller has checked that the session is an admin's. */
	List<Reply> resend(Session session, String orderNo) {
		deliveries.resend(orderNo);
		audit.record(AdminGate.actor(session), "order.resend", orderNo, null);
		return session.say(Text.RESEND_DONE, orderNo);
	}
}
