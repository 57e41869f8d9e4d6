package io.kamibot.conversation.commands;

import java.util.List;
import java.util.Set;

import io.kamibot.catalog.Sku;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import org.springframework.stereotype.Component;

/**
 * {@code /start}: the welcome menu. A deep-link payload {@code p_<SKU>} opens that product directly; any other
 * payload is ignored.
 */
@Component
class StartCommand implements Command {

	private final Menus menus;
	private final ProductButton product;

	StartCommand(Menus menus, ProductButton product) {
		this.menus = menus;
		this.product = product;
	}

	@Override
	public Set<String> names() {
		return Set.of("start", "menu");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() == 1 && args.get(0).startsWith("p_") && Sku.isValid(args.get(0).substring(2))) {
			return product.show(session, new Sku(args.get(0).substring(2)));
		}
		return menus.welcome(session);
	}
}
