package io.kamibot.conversation.commands;

import java.util.Locale;
import java.util.List;
import java.util.Set;

import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.ordering.Orders;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /cancel ORDER} and the cancel button ({@code x:<ORDER>}): cancel an unpaid order. */
@Component
class CancelCommand implements Command, ButtonHandler {

	private final Orders orders;

	CancelCommand(Orders orders) {
		this.orders = orders;
	}

	@Override
	public Set<String> names() {
		return Set.of("cancel");
	}

	@Override
	public String prefix() {
		return "x";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() != 1) {
			return session.say(Text.CANCEL_USAGE);
		}
		String orderNo = args.get(0).toUpperCase(Locale.ROOT);
		orders.cancel(orderNo, session.customerId());
		return session.say(Text.ORDER_CANCELLED, orderNo);
	}
}
