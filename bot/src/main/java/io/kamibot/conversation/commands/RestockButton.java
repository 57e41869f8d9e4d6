package io.kamibot.conversation.commands;

import java.util.List;

import io.kamibot.catalog.Sku;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.storefront.RestockRequests;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** "Tell me when back" on a sold-out product ({@code restock:<SKU>}): the buyer is messaged on its next import. */
@Component
class RestockButton implements ButtonHandler {

	private final RestockRequests requests;

	RestockButton(RestockRequests requests) {
		this.requests = requests;
	}

	@Override
	public String prefix() {
		return "restock";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() != 1 || !Sku.isValid(args.get(0))) {
			return session.say(Text.BUY_USAGE);
		}
		requests.ask(new Sku(args.get(0)), session.customerId());
		return session.say(Text.RESTOCK_SUBSCRIBED, args.get(0));
	}
}
