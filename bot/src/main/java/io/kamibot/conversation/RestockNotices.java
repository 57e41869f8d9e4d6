package io.kamibot.conversation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.stock.StockReplenished;
import io.kamibot.storefront.RestockRequests;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the buyers who pressed "tell me when back" that the product is on the shelf again, with its button. Each
 * request is taken once ({@link RestockRequests#take}), so each buyer is told once per request.
 */
@Component
class RestockNotices {

	private static final Logger log = LoggerFactory.getLogger(RestockNotices.class);
	private static final int BATCH = 500;

	private final RestockRequests requests;
	private final Catalog catalog;
	private final Customers customers;
	private final Texts texts;
	private final Map<String, ChannelOutbox> outboxes;

	RestockNotices(RestockRequests requests, Catalog catalog, Customers customers, Texts texts,
			List<ChannelOutbox> outboxes) {
		this.requests = requests;
		this.catalog = catalog;
		this.customers = customers;
		this.texts = texts;
		this.outboxes = outboxes.stream().collect(Collectors.toMap(ChannelOutbox::channel, Function.identity()));
	}

	@ApplicationModuleListener
	void on(StockReplenished replenished) {
		Product product = catalog.find(replenished.sku()).filter(Product::active).orElse(null);
		if (product == null) {
			return; // paused or gone: the requests wait for the restock that puts it on sale
		}
		for (String customerId : requests.take(replenished.sku(), BATCH)) {
			customers.find(customerId).ifPresent(customer -> tell(customer, product));
		}
	}

	private void tell(Customer customer, Product product) {
		ChannelOutbox outbox = outboxes.get(customer.channel());
		if (outbox == null) {
			return;
		}
		try {
			String text = texts.render(customer.language(), Text.RESTOCK_NOTICE, product.title(customer.language()));
			outbox.send(customer.userId(), Reply.withButtons(text, List.of(List.of(new Button(product.title(customer.language()),
					"p:" + product.sku())))));
		}
		catch (RuntimeException e) {
			// A notice is a courtesy: the product is on sale whether or not this buyer heard of it.
			log.warn("Telling customer {} that {} is back failed: {}", customer.id(), product.sku(), e.getMessage());
		}
	}
}
