package io.kamibot.conversation.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.conversation.Button;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.stock.Stock;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /catalog} and the catalog button: the products on sale, one button each (and not again as text). */
@Component
class CatalogCommand implements Command, ButtonHandler {

	/** Button rows a chat can show comfortably; the rest is reachable by /buy. */
	private static final int MAX_PRODUCTS = 30;

	private final Catalog catalog;
	private final Stock stock;

	CatalogCommand(Catalog catalog, Stock stock) {
		this.catalog = catalog;
		this.stock = stock;
	}

	@Override
	public Set<String> names() {
		return Set.of("catalog", "shop", "products");
	}

	@Override
	public String prefix() {
		return "cat";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		List<Product> products = catalog.onSale();
		if (products.isEmpty()) {
			return session.say(Text.CATALOG_EMPTY);
		}
		// Each product once: as its button, which every channel shows (WeChat as a numbered line).
		List<List<Button>> buttons = new ArrayList<>();
		for (Product product : products.subList(0, Math.min(products.size(), MAX_PRODUCTS))) {
			long available = stock.available(product.id());
			String line = session.text(Text.CATALOG_ITEM, product.title(session.locale()), product.price().display(),
					available);
			buttons.add(List.of(new Button(line, "p:" + product.sku())));
		}
		return List.of(Reply.withButtons(session.text(Text.CATALOG_HEADER), buttons));
	}
}
