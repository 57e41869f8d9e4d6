package io.kamibot.conversation.commands;

import java.util.List;
import java.util.Set;

import io.kamibot.catalog.Sku;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /buy SKU QTY [COUPON]} and the quantity buttons ({@code q:<SKU>:<QTY>}): place an order. */
@Component
class BuyCommand implements Command, ButtonHandler {

	private final Checkout checkout;

	BuyCommand(Checkout checkout) {
		this.checkout = checkout;
	}

	@Override
	public Set<String> names() {
		return Set.of("buy");
	}

	@Override
	public String prefix() {
		return "q";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() == 1 && Sku.isValid(args.get(0))) {
			return checkout.order(session, new Sku(args.get(0)), 1, null);
		}
		if (args.size() < 2 || args.size() > 3 || !Sku.isValid(args.get(0)) || !args.get(1).matches("\\d{1,4}")) {
			return session.say(Text.BUY_USAGE);
		}
		String coupon = args.size() == 3 ? args.get(2) : null;
		return checkout.order(session, new Sku(args.get(0)), Integer.parseInt(args.get(1)), coupon);
	}
}
