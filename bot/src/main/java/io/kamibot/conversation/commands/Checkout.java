package io.kamibot.conversation.commands;

import io.kamibot.money.Currency;
import io.kamibot.money.Money;
import java.util.ArrayList;
import java.util.List;

import io.kamibot.catalog.Sku;
import io.kamibot.conversation.Button;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderingSettings;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.Payments;
import io.kamibot.pricing.Coupons;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** Places an order and offers one button per payment method of the channel, then a cancel button. */
@Component
class Checkout {

	private final Orders orders;
	private final Payments payments;
	private final OrderingSettings settings;
	private final Coupons coupons;

	Checkout(Orders orders, Payments payments, OrderingSettings settings, Coupons coupons) {
		this.orders = orders;
		this.payments = payments;
		this.settings = settings;
		this.coupons = coupons;
	}

	/** @param coupon a coupon code the buyer gave, or {@code null} */
	List<Reply> order(Session session, Sku sku, int quantity, String coupon) {
		if (payments.methodsFor(session.channel()).isEmpty()) {
			return session.say(Text.PAYMENT_NONE);
		}
		Order order = orders.place(session.customerId(), sku, quantity, session.origin(), coupon);
		List<String> methods = payments.methodsFor(session.channel(), order);
		if (methods.isEmpty()) {
			// E.g. a product without a Stars price in Telegram: release the codes at once.
			orders.cancel(order.orderNo(), session.customerId());
			return session.say(Text.PAYMENT_NONE);
		}
		String text = session.text(order.holdsCodes() ? Text.ORDER_PLACED : Text.ORDER_PLACED_UNRESERVED,
				order.orderNo(), order.title(), order.quantity(),
				order.amountIn(Currency.CNY).orElseThrow().display(),
				settings.reservation().toMinutes());
		if (coupon != null) {
			text = coupons.use(order.orderNo())
				.map(use -> session.text(Text.COUPON_APPLIED, use.code(), Money.fen(use.discountFen()).display()) + "\n")
				.orElse("") + text;
		}
		List<List<Button>> rows = new ArrayList<>();
		for (String method : methods) {
			rows.add(List.of(new Button(session.text("payment.method." + method), "pay:" + method + ":" + order.orderNo())));
		}
		if (coupon == null && coupons.anyFor(order.sku())) {
			rows.add(List.of(new Button(session.text(Text.COUPON_BUTTON), "uc:" + order.orderNo())));
		}
		rows.add(List.of(new Button(session.text(Text.BUTTON_CANCEL), "x:" + order.orderNo())));
		return List.of(Reply.withButtons(text, rows));
	}
}
