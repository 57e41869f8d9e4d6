package io.kamibot.conversation.commands;

import java.util.List;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.CodesActions;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.delivery.Deliveries;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** Shows a delivered order's codes again ({@code c:<ORDER>}); each showing is recorded by the core. */
@Component
class CodesButton implements ButtonHandler {

	private final Deliveries deliveries;
	private final List<CodesActions> actions;

	CodesButton(Deliveries deliveries, List<CodesActions> actions) {
		this.deliveries = deliveries;
		this.actions = actions;
	}

	@Override
	public String prefix() {
		return "c";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() != 1) {
			return session.say(Text.ORDER_NOT_FOUND, "");
		}
		List<String> codes = deliveries.reveal(args.get(0), session.customerId(), session.channel());
		List<List<Button>> buttons = actions.stream()
			.flatMap(a -> a.under(session, args.get(0)).stream())
			.map(List::of)
			.toList();
		return List.of(new Reply(session.text(Text.CODES, args.get(0), String.join("\n", codes)), buttons, codes));
	}
}
