package io.kamibot.counter;

import java.util.List;
import java.util.Set;

import io.kamibot.admins.Admins;
import io.kamibot.audit.AuditLog;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.redemption.Redeemer;
import io.kamibot.redemption.Redeemers;
import io.kamibot.redemption.UnknownRedeemer;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /counter REDEEMER}: an admin makes this chat (a staff group) the redeemer's counter. Audited. */
@Component
class CounterCommand implements Command {

	private final Admins admins;
	private final Redeemers redeemers;
	private final AuditLog audit;
	private final Menus menus;

	CounterCommand(Admins admins, Redeemers redeemers, AuditLog audit, Menus menus) {
		this.admins = admins;
		this.redeemers = redeemers;
		this.audit = audit;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("counter");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!admins.isAdmin(session.customer().identity())) {
			return menus.help(session, true);
		}
		if (args.size() != 1) {
			return session.say(Text.COUNTER_USAGE);
		}
		String chat = StaffChats.of(session);
		try {
			Redeemer redeemer = redeemers.addStaffChat(args.get(0), chat);
			audit.record(session.customer().identity().toString(), "redeemer.staff-chat", redeemer.id(), chat);
			return session.say(Text.COUNTER_REGISTERED, redeemer.id(), redeemer.name());
		}
		catch (UnknownRedeemer e) {
			return session.say(Text.COUNTER_UNKNOWN, args.get(0));
		}
	}
}
