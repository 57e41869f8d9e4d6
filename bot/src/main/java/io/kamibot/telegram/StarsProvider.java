package io.kamibot.telegram;

import io.kamibot.money.Currency;
import io.kamibot.ordering.Order;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Telegram Stars: the only way to pay for digital goods inside Telegram. An invoice with one price in XTR and the
 * order number as payload; the money arrives as a {@code successful_payment}.
 */
@Component
@ConditionalOnProperty("kamibot.telegram.token")
class StarsProvider implements PaymentProvider {

	static final String ID = "stars";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean offeredOn(String channel) {
		return TelegramSettings.CHANNEL.equals(channel);
	}

	@Override
	public boolean accepts(Order order) {
		return order.amountIn(Currency.XTR).isPresent();
	}

	@Override
	public PaymentInstructions start(Order order) {
		return new PaymentInstructions.Invoice(order.title(), order.quantity() + " × " + order.title(), order.orderNo(),
				order.amountIn(Currency.XTR).orElseThrow());
	}
}
