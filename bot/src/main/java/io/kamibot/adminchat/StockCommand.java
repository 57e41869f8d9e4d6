package io.kamibot.adminchat;

import java.util.List;
import java.util.Set;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.stock.Stock;
import io.kamibot.stock.StockLevels;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /stock}: every product's stock levels, for admins. */
@Component
class StockCommand implements Command {

	private final AdminGate gate;
	private final Catalog catalog;
	private final Stock stock;
	private final Menus menus;

	StockCommand(AdminGate gate, Catalog catalog, Stock stock, Menus menus) {
		this.gate = gate;
		this.catalog = catalog;
		this.stock = stock;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("stock");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		List<Product> products = catalog.all();
		if (products.isEmpty()) {
			return session.say(Text.STOCK_EMPTY);
		}
		StringBuilder text = new StringBuilder(session.text(Text.STOCK_HEADER));
		for (Product product : products) {
			StockLevels levels = stock.levels(product.id());
			text.append('\n').append(session.text(Text.STOCK_LINE, product.sku(), product.title(), levels.available(),
					levels.reserved(), levels.sold(), levels.expired(),
					product.active() ? "" : session.text(Text.STOCK_PAUSED)));
		}
		return List.of(Reply.text(text.toString()));
	}
}
