package io.kamibot.adminchat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kamibot.aftersales.Problems;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * {@code /replace ORDER}: the same as the Replace button under a problem report, for admins who read the report
 * where there are no buttons (a WeCom robot).
 */
@Component
class ReplaceCommand implements Command {

	private final AdminGate gate;
	private final Problems problems;
	private final Menus menus;

	ReplaceCommand(AdminGate gate, Problems problems, Menus menus) {
		this.gate = gate;
		this.problems = problems;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("replace");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		if (args.size() != 1) {
			return session.say(Text.REPLACE_USAGE);
		}
		return replace(session, args.get(0).toUpperCase(Locale.ROOT));
	}

	/** Replaces the codes of a reported order; the caller has checked that the session is an admin's. */
	List<Reply> replace(Session session, String orderNo) {
		return switch (problems.replace(orderNo, AdminGate.actor(session))) {
			case REPLACED -> session.say(Text.REPLACE_DONE, orderNo);
			case NO_STOCK -> session.say(Text.REPLACE_NO_STOCK, orderNo);
			case BUSY -> session.say(Text.REPLACE_BUSY, orderNo);
			case NOT_OPEN, REFUNDED, ALREADY_REFUNDED -> session.say(Text.AFTERSALES_NOT_OPEN, orderNo);
		};
	}
}
