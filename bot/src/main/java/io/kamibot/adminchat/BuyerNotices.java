package io.kamibot.adminchat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kamibot.aftersales.ProblemResolved;
import io.kamibot.conversation.ChannelOutbox;
import io.kamibot.conversation.Reply;
import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.OrderEvents.OrderHeld;
import io.kamibot.ordering.OrderEvents.OrderRefunded;
import io.kamibot.payment.UnmatchedPaymentHeld;
import io.kamibot.payment.UnmatchedPaymentReturned;
import io.kamibot.payment.UnmatchedReason;
import io.kamibot.risk.ReviewDecided;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells buyers what admins decided (a held order, its approval or rejection, a replacement or refund) and what became
 * of a payment their order could not take.
 */
@Component
class BuyerNotices {

	private static final Logger log = LoggerFactory.getLogger(BuyerNotices.class);

	private final Customers customers;
	private final Texts texts;
	private final Map<String, ChannelOutbox> outboxes;

	BuyerNotices(Customers customers, Texts texts, List<ChannelOutbox> outboxes) {
		this.customers = customers;
		this.texts = texts;
		this.outboxes = outboxes.stream().collect(Collectors.toMap(ChannelOutbox::channel, Function.identity()));
	}

	/** Only a hold with the buyer's money in it: money that did not match is returned, and told as such. */
	@EventListener
	void on(OrderHeld held) {
		if (held.paid()) {
			tell(held.customerId(), Text.BUYER_HELD, held.orderNo());
		}
	}

	@EventListener
	void on(UnmatchedPaymentReturned returned) {
		tell(returned.customerId(), returned.orderNo(), language -> texts.render(language, Text.BUYER_PAYMENT_RETURNED,
				returned.orderNo(), returned.amount().display(), texts.render(language, why(returned.reason()))));
	}

	@EventListener
	void on(UnmatchedPaymentHeld held) {
		tell(held.customerId(), held.orderNo(), language -> texts.render(language, Text.BUYER_PAYMENT_HELD,
				held.orderNo(), held.amount().display(), texts.render(language, why(held.reason()))));
	}

	@EventListener
	void on(ReviewDecided decided) {
		switch (decided.outcome()) {
			case APPROVED -> tell(decided.customerId(), Text.BUYER_APPROVED, decided.orderNo());
			// The refund itself is told by the OrderRefunded notice.
			case REFUNDED -> tell(decided.customerId(), Text.BUYER_REJECTED, decided.orderNo());
			case CANCELLED -> tell(decided.customerId(), Text.BUYER_CANCELLED, decided.orderNo());
			case NOT_HELD -> {
			}
		}
	}

	@EventListener
	void on(ProblemResolved resolved) {
		switch (resolved.outcome()) {
			case REPLACED -> tell(resolved.customerId(), Text.BUYER_REPLACED, resolved.orderNo());
			default -> {
				// A refund is told by the OrderRefunded notice, like every refund.
			}
		}
	}

	/** Every refund, whichever way an admin made it (a button, /refund, the admin API, a rejected review). */
	@EventListener
	void on(OrderRefunded refunded) {
		tell(refunded.customerId(), Text.BUYER_REFUNDED, refunded.orderNo());
	}

	private static Text why(UnmatchedReason reason) {
		return switch (reason) {
			case ALREADY_PAID -> Text.UNMATCHED_ALREADY_PAID;
			case ORDER_CANCELLED -> Text.UNMATCHED_ORDER_CANCELLED;
			case ORDER_REFUNDED -> Text.UNMATCHED_ORDER_REFUNDED;
			case NOT_PAYABLE -> Text.UNMATCHED_NOT_PAYABLE;
			case WRONG_AMOUNT -> Text.UNMATCHED_WRONG_AMOUNT;
			case UNKNOWN_ORDER -> Text.UNMATCHED_UNKNOWN_ORDER;
		};
	}

	private void tell(String customerId, Text text, String orderNo) {
		tell(customerId, orderNo, language -> texts.render(language, text, orderNo));
	}

	private void tell(String customerId, String orderNo, Function<Locale, String> message) {
		try {
			Customer customer = customerId == null ? null : customers.find(customerId).orElse(null);
			ChannelOutbox outbox = customer == null ? null : outboxes.get(customer.channel());
			if (outbox == null) {
				log.warn("Cannot tell customer {} about order {}: no outbox for their channel", customerId, orderNo);
				return;
			}
			outbox.send(customer.userId(), Reply.text(message.apply(customer.language())));
		}
		catch (RuntimeException e) {
			// The decision stands; the buyer sees the order's status in /orders.
			log.error("Telling customer {} about order {} failed: {}", customerId, orderNo, e.getMessage());
		}
	}
}
