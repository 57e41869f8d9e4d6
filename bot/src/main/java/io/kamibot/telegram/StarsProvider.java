package io.kamibot.telegram;

import io.kamibot.customer.Customers;
import io.kamibot.money.Currency;
import io.kamibot.ordering.Order;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentProvider;
import io.kamibot.payment.RefundFailed;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;

/**
 * Telegram Stars: the only way to pay for digital goods inside Telegram. An invoice with one price in XTR and the
 * order number as payload; the money arrives as a {@code successful_payment}.
 */
@Component
@ConditionalOnProperty("kamibot.telegram.token")
class StarsProvider implements PaymentProvider {

	static final String ID = "stars";

	private final TelegramSender sender;
	private final Customers customers;

	StarsProvider(TelegramSender sender, Customers customers) {
		this.sender = sender;
		this.customers = customers;
	}

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

	/** {@code refundStarPayment(user_id, charge_id)}: the charge id is what {@code successful_payment} carried. */
	@Override
	public void refund(Order order, String transactionId) {
		long user = Long.parseLong(customers.find(order.customerId())
			.orElseThrow(() -> new RefundFailed(order.orderNo(), "the buyer is unknown"))
			.userId());
		try {
			sender.execute(RefundStarPayment.builder().userId(user).telegramPaymentChargeId(transactionId).build());
		}
		catch (TelegramSender.TelegramUnavailable e) {
			throw new RefundFailed(order.orderNo(), e.getMessage());
		}
	}

	@Override
	public PaymentInstructions start(Order order) {
		return new PaymentInstructions.Invoice(order.title(), order.quantity() + " × " + order.title(), order.orderNo(),
				order.amountIn(Currency.XTR).orElseThrow());
	}
}
