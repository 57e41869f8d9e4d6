package io.kamibot.conversation.commands;

import java.util.ArrayList;
import java.util.List;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import io.kamibot.conversation.Button;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.stock.Stock;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * A product's page: description, price, stock and quantity buttons ({@code p:<SKU>}); a sold-out product says so
 * and offers "tell me when back".
 */
@Component
class ProductButton implements ButtonHandler {

	private static final int[] QUANTITIES = { 1, 2, 3, 5, 10 };

	private final Catalog catalog;
	private final Stock stock;

	ProductButton(Catalog catalog, Stock stock) {
		this.catalog = catalog;
		this.stock = stock;
	}

	@Override
	public String prefix() {
		return "p";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() != 1 || !Sku.isValid(args.get(0))) {
			return session.say(Text.BUY_USAGE);
		}
		return show(session, new Sku(args.get(0)));
	}

	List<Reply> show(Session session, Sku sku) {
		Product product = catalog.find(sku).filter(Product::active).orElse(null);
		if (product == null) {
			return session.say(Text.PRODUCT_UNAVAILABLE, sku);
		}
		long available = stock.available(sku);
		if (available == 0) {
			return soldOut(session, product);
		}
		String text = session.text(Text.PRODUCT_DETAIL, product.title(session.locale()),
				product.description(session.locale()) == null ? "" : product.description(session.locale()), product.price().display(), available,
				product.sku());
		List<Button> quantities = new ArrayList<>();
		for (int quantity : QUANTITIES) {
			if (quantity <= product.maxPerOrder() && quantity <= available) {
				quantities.add(new Button(session.text(Text.QUANTITY_BUTTON, quantity), "q:" + sku + ":" + quantity));
			}
		}
		List<List<Button>> rows = new ArrayList<>();
		if (!quantities.isEmpty()) {
			rows.add(quantities);
		}
		rows.add(List.of(new Button(session.text(Text.BUTTON_BACK), "cat")));
		return List.of(Reply.withButtons(text, rows));
	}

	/** Says so, instead of asking for a quantity there is none of, and offers to tell the buyer when it is back. */
	private static List<Reply> soldOut(Session session, Product product) {
		String text = session.text(Text.PRODUCT_SOLD_OUT, product.title(session.locale()),
				product.description(session.locale()) == null ? "" : product.description(session.locale()), product.price().display(), product.sku());
		return List.of(Reply.withButtons(text,
				List.of(List.of(new Button(session.text(Text.RESTOCK_BUTTON), "restock:" + product.sku())),
						List.of(new Button(session.text(Text.BUTTON_BACK), "cat")))));
	}
}
