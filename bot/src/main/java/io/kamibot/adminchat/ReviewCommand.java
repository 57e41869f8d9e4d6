package io.kamibot.adminchat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.ordering.NotApprovable;
import io.kamibot.risk.Reviews;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /approve ORDER} and {@code /reject ORDER}: decide about a held order. */
@Component
class ReviewCommand implements Command {

	private final AdminGate gate;
	private final Reviews reviews;
	private final Menus menus;

	ReviewCommand(AdminGate gate, Reviews reviews, Menus menus) {
		this.gate = gate;
		this.reviews = reviews;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("approve", "reject");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		if (args.size() != 1) {
			return session.say(Text.REVIEW_USAGE);
		}
		boolean approve = session.inbound().text().strip().toLowerCase(Locale.ROOT).startsWith("/approve");
		return decide(session, args.get(0).toUpperCase(Locale.ROOT), approve);
	}

	/** Also the Approve and Reject buttons' action. */
	List<Reply> decide(Session session, String orderNo, boolean approve) {
		Reviews.Outcome outcome;
		try {
			outcome = approve ? reviews.approve(orderNo, AdminGate.actor(session))
					: reviews.reject(orderNo, AdminGate.actor(session));
		}
		catch (NotApprovable e) {
			return session.say(Text.REVIEW_NOT_APPROVABLE, orderNo);
		}
		Text text = switch (outcome) {
			case APPROVED -> Text.REVIEW_APPROVED;
			case REFUNDED -> Text.REVIEW_REFUNDED;
			case CANCELLED -> Text.REVIEW_CANCELLED;
			case NOT_HELD -> Text.REVIEW_NOT_HELD;
		};
		return session.say(text, orderNo);
	}
}
