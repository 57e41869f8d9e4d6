package io.kamibot.conversation.commands;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kamibot.admins.Admins;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.payment.NotRefundable;
import io.kamibot.payment.RefundFailed;
import io.kamibot.payment.RefundOutcome;
import io.kamibot.payment.Payments;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * {@code /refund ORDER}, for admins only: returns the payment and marks the order REFUNDED, once. To anyone else
 * the command does not exist.
 */
@Component
class RefundCommand implements Command {

	private final Admins admins;
	private final Payments payments;
	private final Menus menus;

	RefundCommand(Admins admins, Payments payments, Menus menus) {
		this.admins = admins;
		this.payments = payments;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("refund");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!admins.isAdmin(session.customer().identity())) {
			return menus.help(session, true);
		}
		if (args.size() != 1) {
			return session.say(Text.REFUND_USAGE);
		}
		String orderNo = args.get(0).toUpperCase(Locale.ROOT);
		try {
			RefundOutcome outcome = payments.refund(orderNo, session.customer().identity().toString());
			return session.say(outcome == RefundOutcome.REFUNDED ? Text.REFUND_DONE : Text.REFUND_ALREADY, orderNo);
		}
		catch (NotRefundable e) {
			return session.say(Text.REFUND_NOT_PAID, orderNo);
		}
		catch (RefundFailed e) {
			return session.say(Text.REFUND_FAILED, orderNo);
		}
	}
}
