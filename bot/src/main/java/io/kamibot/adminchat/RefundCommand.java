package io.kamibot.adminchat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kamibot.aftersales.Problems;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.payment.NotRefundable;
import io.kamibot.payment.PaymentNotFound;
import io.kamibot.payment.Payments;
import io.kamibot.payment.RefundFailed;
import io.kamibot.payment.RefundOutcome;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * {@code /refund ORDER}, for admins only: returns the payment and marks the order REFUNDED, once. {@code /refund
 * P…} returns one payment named in an alert (money its order could not take) and leaves the order as it is. To
 * anyone else the command does not exist. Also the action of the Refund buttons under alerts.
 */
@Component
class RefundCommand implements Command {

	private final AdminGate gate;
	private final Payments payments;
	private final Problems problems;
	private final Menus menus;

	RefundCommand(AdminGate gate, Payments payments, Problems problems, Menus menus) {
		this.gate = gate;
		this.payments = payments;
		this.problems = problems;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("refund");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		if (args.size() != 1) {
			return session.say(Text.REFUND_USAGE);
		}
		String target = args.get(0).toUpperCase(Locale.ROOT);
		if (target.startsWith("P")) {
			return payment(session, target);
		}
		try {
			RefundOutcome outcome = payments.refund(target, AdminGate.actor(session));
			return session.say(outcome == RefundOutcome.REFUNDED ? Text.REFUND_DONE : Text.REFUND_ALREADY, target);
		}
		catch (NotRefundable e) {
			return session.say(Text.REFUND_NOT_PAID, target);
		}
		catch (RefundFailed e) {
			return session.say(Text.REFUND_FAILED, target);
		}
	}

	/** The Refund button of an order's alert: through its problem report when it has one. */
	List<Reply> order(Session session, String orderNo) {
		try {
			return switch (problems.refund(orderNo, AdminGate.actor(session))) {
				case REFUNDED -> session.say(Text.REFUND_DONE, orderNo);
				case ALREADY_REFUNDED -> session.say(Text.REFUND_ALREADY, orderNo);
				default -> session.say(Text.AFTERSALES_NOT_OPEN, orderNo);
			};
		}
		catch (NotRefundable e) {
			return session.say(Text.REFUND_NOT_PAID, orderNo);
		}
		catch (RefundFailed e) {
			return session.say(Text.REFUND_FAILED, orderNo);
		}
	}

	/** {@code /refund P…} and the Refund button of a {@code PAYMENT_UNMATCHED} alert. */
	List<Reply> payment(Session session, String ref) {
		try {
			RefundOutcome outcome = payments.refundPayment(ref, AdminGate.actor(session));
			return session.say(
					outcome == RefundOutcome.REFUNDED ? Text.REFUND_PAYMENT_DONE : Text.REFUND_PAYMENT_ALREADY, ref);
		}
		catch (PaymentNotFound e) {
			return session.say(Text.REFUND_PAYMENT_UNKNOWN, ref);
		}
		catch (RefundFailed e) {
			return session.say(Text.REFUND_PAYMENT_FAILED, ref);
		}
	}
}
