package io.kamibot.conversation.commands;

import java.util.List;

import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Invoice;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentInstructions.Completed;
import io.kamibot.payment.PaymentInstructions.OpenLink;
import io.kamibot.payment.PaymentInstructions.ScanQr;
import io.kamibot.payment.Payments;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * A payment method's button ({@code pay:<method>:<ORDER>}): starts paying. When the provider confirms at once (the
 * sandbox), the codes follow through the channel's outbox as soon as they are delivered.
 */
@Component
class PayButton implements ButtonHandler {

	private final Payments payments;

	PayButton(Payments payments) {
		this.payments = payments;
	}

	@Override
	public String prefix() {
		return "pay";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() != 2) {
			return session.say(Text.PAYMENT_NONE);
		}
		String method = args.get(0);
		String orderNo = args.get(1);
		PaymentInstructions instructions = payments.start(orderNo, session.customerId(), method, session.channel());
		if (instructions instanceof Completed completed) {
			return switch (completed.outcome()) {
				case ACCEPTED -> session.say(Text.PAYMENT_ACCEPTED, orderNo);
				case DUPLICATE -> session.say(Text.PAYMENT_DUPLICATE, orderNo);
				case MISMATCH -> session.say(Text.PAYMENT_MISMATCH, orderNo);
				// The notice that the payment was returned (or held for the shop) reaches the chat on its own.
				case UNMATCHED -> List.of();
			};
		}
		if (instructions instanceof PaymentInstructions.Invoice invoice) {
			return List.of(Reply.invoice(
					new Invoice(invoice.title(), invoice.description(), invoice.payload(), invoice.amount())));
		}
		if (instructions instanceof OpenLink link) {
			return session.say(Text.PAYMENT_LINK, orderNo, link.url());
		}
		if (instructions instanceof ScanQr qr) {
			return List.of(Reply.scan(session.text("payment.qr." + method, orderNo) + "\n" + qr.content(), qr.content()));
		}
		return session.say(Text.PAYMENT_NONE);
	}
}
