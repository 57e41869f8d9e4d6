package io.kamibot.telegram;

import java.util.Optional;

import io.kamibot.customer.Customers;
import io.kamibot.money.Currency;
import io.kamibot.ordering.Order;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentProvider;
import io.kamibot.payment.RefundFailed;
import io.kamibot.payment.RefundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Telegram Stars: the only way to pay for digital goods inside Telegram. An invoice with one price in XTR and the
 * order number as payload; the money arrives as a {@code successful_payment}.
 */
@Component
@OnTelegram
class StarsProvider implements PaymentProvider {

	static final String ID = "stars";
	/** The Bot API's error for a refund of a charge that was refunded before. */
	static final String ALREADY_REFUNDED = "CHARGE_ALREADY_REFUNDED";
	private static final Logger log = LoggerFactory.getLogger(StarsProvider.class);

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

	/**
	 * {@code refundStarPayment(user_id, charge_id)}: the charge id is what {@code successful_payment} carried.
	 * Telegram refunds a charge once and answers a repeated refund with {@code CHARGE_ALREADY_REFUNDED}: the money
	 * is back, so that is done too, which makes asking again (after a lost answer) safe.
	 */
	@Override
	public void refund(RefundRequest refund) {
		long user = Long.parseLong(Optional.ofNullable(refund.customerId())
			.flatMap(customers::find)
			.orElseThrow(() -> new RefundFailed(refund.orderNo(), "the buyer is unknown"))
			.userId());
		try {
			sender.execute(RefundStarPayment.builder().userId(user).telegramPaymentChargeId(refund.transactionId())
				.build());
		}
		catch (TelegramSender.TelegramUnavailable e) {
			if (alreadyRefunded(e)) {
				log.info("Telegram says charge {} of order {} was refunded already", refund.transactionId(),
						refund.orderNo());
				return;
			}
			throw new RefundFailed(refund.orderNo(), e.getMessage());
		}
	}

	private static boolean alreadyRefunded(TelegramSender.TelegramUnavailable e) {
		return e.getCause() instanceof TelegramApiRequestException refused
				&& Integer.valueOf(400).equals(refused.getErrorCode())
				&& String.valueOf(refused.getApiResponse()).contains(ALREADY_REFUNDED);
	}

	@Override
	public PaymentInstructions start(Order order) {
		return new PaymentInstructions.Invoice(order.title(), order.quantity() + " × " + order.title(), order.orderNo(),
				order.amountIn(Currency.XTR).orElseThrow());
	}
}
