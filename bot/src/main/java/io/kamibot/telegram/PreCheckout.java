package io.kamibot.telegram;

import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.money.Money;
import io.kamibot.payment.Payments;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;

/**
 * Answers a {@code pre_checkout_query} at once, ahead of any queued update: Telegram cancels the payment when no
 * answer comes within 10 seconds. Read-only, so answering a redelivered query again is harmless.
 */
@Component
@OnTelegram
class PreCheckout {

	private final Payments payments;
	private final Customers customers;
	private final Texts texts;
	private final TelegramSender sender;

	PreCheckout(Payments payments, Customers customers, Texts texts, TelegramSender sender) {
		this.payments = payments;
		this.customers = customers;
		this.texts = texts;
		this.sender = sender;
	}

	void answer(PreCheckoutQuery query) {
		boolean ok = "XTR".equals(query.getCurrency())
				&& payments.precheck(query.getInvoicePayload(), Money.stars(query.getTotalAmount())).isEmpty();
		AnswerPreCheckoutQuery.AnswerPreCheckoutQueryBuilder<?, ?> answer = AnswerPreCheckoutQuery.builder()
			.preCheckoutQueryId(query.getId())
			.ok(ok);
		if (!ok) {
			var customer = customers.identify(
					new ChannelIdentity(TelegramSettings.CHANNEL, String.valueOf(query.getFrom().getId())));
			answer.errorMessage(texts.render(customer.language(), Text.PRECHECK_REFUSED));
		}
		sender.execute(answer.build());
	}
}
