package io.kamibot.resellerchat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kamibot.conversation.ChannelOutbox;
import io.kamibot.conversation.Reply;
import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.resellers.ResellerBalanceLow;
import io.kamibot.resellers.Resellers;
import io.kamibot.templates.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells every chat of a reseller when a debit took their balance below their alert level. */
@Component
class BalanceAlerts {

	private static final Logger log = LoggerFactory.getLogger(BalanceAlerts.class);

	private final Resellers resellers;
	private final Customers customers;
	private final Texts texts;
	private final Map<String, ChannelOutbox> outboxes;

	BalanceAlerts(Resellers resellers, Customers customers, Texts texts, List<ChannelOutbox> outboxes) {
		this.resellers = resellers;
		this.customers = customers;
		this.texts = texts;
		this.outboxes = outboxes.stream().collect(Collectors.toMap(ChannelOutbox::channel, Function.identity()));
	}

	@EventListener
	void on(ResellerBalanceLow low) {
		for (String customerId : resellers.members(low.resellerId())) {
			Customer customer = customers.find(customerId).orElse(null);
			ChannelOutbox outbox = customer == null ? null : outboxes.get(customer.channel());
			if (outbox == null) {
				continue;
			}
			try {
				outbox.send(customer.userId(), Reply.text(texts.render(customer.language(), "reseller.balance.low",
						Yuan.of(low.balanceFen()), Yuan.of(low.thresholdFen()))));
			}
			catch (RuntimeException e) {
				// The order it followed is done; the reseller sees the balance with /balance.
				log.warn("Telling reseller {} of a low balance failed: {}", low.resellerId(), e.getMessage());
			}
		}
	}
}
