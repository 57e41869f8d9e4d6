package io.kamibot.adminchat;

import java.util.List;

import io.kamibot.alerts.AlertAction.Verb;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * The buttons under alerts ({@code adm:<VERB>:<arg>}). Only admins may press them: anyone else is told so and
 * nothing changes.
 */
@Component
class AdminButtons implements ButtonHandler {

	private final AdminGate gate;
	private final ReviewCommand reviews;
	private final PauseCommand pause;
	private final BanCommand bans;
	private final ReplaceCommand replacements;
	private final ResendCommand resends;
	private final RefundCommand refunds;

	AdminButtons(AdminGate gate, ReviewCommand reviews, PauseCommand pause, BanCommand bans,
			ReplaceCommand replacements, ResendCommand resends, RefundCommand refunds) {
		this.gate = gate;
		this.reviews = reviews;
		this.pause = pause;
		this.bans = bans;
		this.replacements = replacements;
		this.resends = resends;
		this.refunds = refunds;
	}

	@Override
	public String prefix() {
		return AlertTexts.PREFIX;
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return session.say(Text.ADMIN_ONLY);
		}
		if (args.size() != 2) {
			return session.say(Text.ADMIN_HELP);
		}
		Verb verb;
		try {
			verb = Verb.valueOf(args.get(0));
		}
		catch (IllegalArgumentException e) {
			return session.say(Text.ADMIN_HELP);
		}
		String arg = args.get(1);
		return switch (verb) {
			case APPROVE -> reviews.decide(session, arg, true);
			case REJECT -> reviews.decide(session, arg, false);
			case PAUSE -> pause.setActive(session, arg, false);
			case BAN -> bans.ban(session, arg);
			case REPLACE -> replacements.replace(session, arg);
			case REFUND -> refunds.order(session, arg);
			case REFUND_PAYMENT -> refunds.payment(session, arg);
			case RESEND -> resends.resend(session, arg);
		};
	}
}
