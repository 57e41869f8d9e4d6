package io.kamibot.conversation.commands;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.money.Currency;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.Payments;
import io.kamibot.stock.Vouchers;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * {@code /orders} and its button: the buyer's recent orders, with a button to show a delivered order's codes again
 * and, for an unpaid one, one per payment method of the chat and one to cancel it; an own voucher that was redeemed
 * says when it was used.
 */
@Component
class OrdersCommand implements Command, ButtonHandler {

	private static final int RECENT = 10;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Orders orders;
	private final Payments payments;
	private final Vouchers vouchers;
	private final ZoneId zone;

	OrdersCommand(Orders orders, Payments payments, Vouchers vouchers, Clock clock) {
		this.orders = orders;
		this.payments = payments;
		this.vouchers = vouchers;
		// The shop's clock runs in the shop's time zone.
		this.zone = clock.getZone();
	}

	@Override
	public Set<String> names() {
		return Set.of("orders");
	}

	@Override
	public String prefix() {
		return "orders";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		List<Order> recent = orders.history(session.customerId(), RECENT);
		if (recent.isEmpty()) {
			return session.say(Text.ORDERS_EMPTY);
		}
		StringBuilder text = new StringBuilder(session.text(Text.ORDERS_HEADER));
		List<List<Button>> buttons = new ArrayList<>();
		for (Order order : recent) {
			text.append('\n')
				.append(session.text(Text.ORDERS_ITEM, order.orderNo(), order.title(), order.quantity(),
						order.amountIn(Currency.CNY).orElseThrow().display(),
						session.text("status." + order.status().name())));
			if (order.status() == OrderStatus.DELIVERED) {
				List<Instant> used = vouchers.redeemedOf(order.orderNo());
				if (!used.isEmpty()) {
					text.append('\n').append(session.text(Text.ORDERS_USED, used.stream()
						.map(at -> WHEN.format(at.atZone(zone)))
						.collect(Collectors.joining(", "))));
				}
				buttons.add(List.of(new Button(session.text(Text.ORDERS_SHOW_CODES, order.orderNo()),
						"c:" + order.orderNo())));
			}
			else if (order.status() == OrderStatus.AWAITING_PAYMENT) {
				for (String method : payments.methodsFor(session.channel(), order)) {
					buttons.add(List.of(new Button(session.text(Text.ORDERS_PAY, order.orderNo()) + " · "
							+ session.text("payment.method." + method), "pay:" + method + ":" + order.orderNo())));
				}
				buttons.add(List.of(new Button(session.text(Text.BUTTON_CANCEL) + " " + order.orderNo(),
						"x:" + order.orderNo())));
			}
		}
		return List.of(Reply.withButtons(text.toString(), buttons));
	}
}
