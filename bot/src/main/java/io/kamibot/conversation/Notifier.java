package io.kamibot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.delivery.CodesAwaitingNotice;
import io.kamibot.delivery.Deliveries;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderEvents.OrderBackordered;
import io.kamibot.ordering.OrderEvents.OrderDelivered;
import io.kamibot.ordering.OrderEvents.OrderExpired;
import io.kamibot.ordering.Orders;
import io.kamibot.storefront.CodeLinks;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells buyers what happened to their orders when it happens, on the channel they ordered from: the codes the
 * moment an order is delivered (the shop's own vouchers with a QR image each, to show at the counter), a back-order
 * notice, an expiry notice.
 */
@Component
class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);
	/** An order of more own vouchers gets its codes as text only: a chat of images would help nobody. */
	private static final int MAX_QR_CODES = 10;

	private final Customers customers;
	private final Orders orders;
	private final Deliveries deliveries;
	private final Texts texts;
	private final Map<String, ChannelOutbox> outboxes;
	private final Catalog catalog;
	private final CodeLinks links;

	Notifier(Customers customers, Orders orders, Deliveries deliveries, Texts texts, List<ChannelOutbox> outboxes,
			Catalog catalog, CodeLinks links) {
		this.catalog = catalog;
		this.links = links;
		this.customers = customers;
		this.orders = orders;
		this.deliveries = deliveries;
		this.texts = texts;
		this.outboxes = outboxes.stream().collect(Collectors.toMap(ChannelOutbox::channel, Function.identity()));
	}

	@EventListener
	void on(OrderDelivered delivered) {
		sendCodes(delivered.customerId(), delivered.orderNo());
	}

	@EventListener
	void on(CodesAwaitingNotice reminder) {
		sendCodes(reminder.customerId(), reminder.orderNo());
	}

	private void sendCodes(String customerId, String orderNo) {
		boolean sent = notify(customerId, orderNo, (customer, order) -> {
			List<String> codes = deliveries.reveal(order.orderNo(), customer.id(), customer.channel());
			String text = texts.render(customer.language(), Text.DELIVERED, order.orderNo(), order.title(),
					order.quantity(), String.join("\n", codes));
			// The codes' own page, for a buyer who loses this chat.
			String link = links.forChat(order.orderNo(), customer.id(), customer.channel())
				.map(url -> "\n\n" + texts.render(customer.language(), Text.CODES_LINK, url))
				.orElse("");
			List<Reply> replies = new ArrayList<>();
			replies.add(new Reply(text + link, List.of(), codes));
			if (ownVoucher(order) && codes.size() <= MAX_QR_CODES) {
				// The shop redeems its own vouchers at a counter: one QR image per code, to show there.
				for (String code : codes) {
					replies.add(new Reply(texts.render(customer.language(), Text.VOUCHER_QR, code), List.of(),
							List.of(code), null, code));
				}
			}
			return replies;
		});
		if (sent) {
			deliveries.markNotified(orderNo);
		}
	}

	private boolean ownVoucher(Order order) {
		return catalog.find(new Sku(order.sku())).map(Product::ownVoucher).orElse(false);
	}

	@EventListener
	void on(OrderBackordered waiting) {
		notify(waiting.customerId(), waiting.orderNo(), (customer, order) -> List
			.of(Reply.text(texts.render(customer.language(), Text.BACKORDERED, order.orderNo()))));
	}

	@EventListener
	void on(OrderExpired expired) {
		notify(expired.customerId(), expired.orderNo(), (customer, order) -> List
			.of(Reply.text(texts.render(customer.language(), Text.ORDER_EXPIRED, order.orderNo()))));
	}

	/** @return whether the message went out */
	private boolean notify(String customerId, String orderNo, BiFunction<Customer, Order, List<Reply>> message) {
		try {
			Optional<Customer> customer = customers.find(customerId);
			if (customer.isEmpty()) {
				// Not a chat's buyer: a reseller's bulk order, whose codes go out as a file or an API answer.
				log.debug("Order {} belongs to {}, who is told through no chat", orderNo, customerId);
				return false;
			}
			Optional<Order> order = orders.find(orderNo);
			ChannelOutbox outbox = customer.map(c -> outboxes.get(c.channel())).orElse(null);
			if (outbox == null || order.isEmpty()) {
				log.warn("Cannot notify customer {} about order {}: no outbox for their channel", customerId, orderNo);
				return false;
			}
			for (Reply reply : message.apply(customer.get(), order.get())) {
				outbox.send(customer.get().userId(), reply);
			}
			return true;
		}
		catch (RuntimeException e) {
			// The order itself is fine: codes are reminded later, and the buyer can always use /orders.
			log.error("Notifying customer {} about order {} failed: {}", customerId, orderNo, e.getMessage());
			return false;
		}
	}
}
