package io.kamibot.conversation.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.kamibot.catalog.Sku;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.Orders;
import io.kamibot.pricing.CouponRefused;
import io.kamibot.pricing.Coupons;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * {@code /coupon CODE} and the "use a coupon" button of an order ({@code uc:<ORDER>}): a coupon for an order already
 * placed: the buyer's latest unpaid order without a coupon that the coupon is good for. Only that order is cancelled
 * and placed again with it, so the price shown is the price paid and the use is taken the one way every order takes
 * it. A coupon good for none of them leaves every order as it was, and the answer says why for the latest.
 */
@Component
class CouponCommand implements Command, ButtonHandler {

	private static final int RECENT = 10;

	private final Orders orders;
	private final Coupons coupons;
	private final Checkout checkout;

	CouponCommand(Orders orders, Coupons coupons, Checkout checkout) {
		this.orders = orders;
		this.coupons = coupons;
		this.checkout = checkout;
	}

	@Override
	public Set<String> names() {
		return Set.of("coupon");
	}

	@Override
	public String prefix() {
		return "uc";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() != 1) {
			return session.say(Text.COUPON_USAGE);
		}
		if (args.get(0).matches("K\\d{6}[A-Z0-9]{8}")) {
			// The button: the order it sits under, which the buyer is now asked for a code for.
			return session.say(Text.COUPON_ASK, args.get(0));
		}
		List<Order> unpaid = orders.history(session.customerId(), RECENT)
			.stream()
			.filter(o -> o.status().payable() && coupons.use(o.orderNo()).isEmpty())
			.toList();
		if (unpaid.isEmpty()) {
			return session.say(Text.COUPON_NO_ORDER);
		}
		CouponRefused refused = null;
		for (Order order : unpaid) {
			try {
				coupons.check(args.get(0), order.sku(), order.totalFen());
				return replace(session, order, args.get(0));
			}
			catch (CouponRefused e) {
				refused = refused == null ? e : refused;
			}
		}
		return session.say(Text.COUPON_KEPT, refused.code(), session.text("coupon.refused." + refused.reason().name()),
				unpaid.get(0).orderNo());
	}

	private List<Reply> replace(Session session, Order unpaid, String coupon) {
		orders.cancel(unpaid.orderNo(), session.customerId());
		List<Reply> replies = new ArrayList<>(session.say(Text.COUPON_REPLACED, unpaid.orderNo()));
		replies.addAll(checkout.order(session, new Sku(unpaid.sku()), unpaid.quantity(), coupon));
		return replies;
	}
}
