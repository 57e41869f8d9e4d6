package io.kamibot.conversation;

import java.util.List;
import java.util.Optional;

import io.kamibot.catalog.Sku.InvalidSku;
import io.kamibot.catalog.UnknownProduct;
import io.kamibot.delivery.NotDeliveredYet;
import io.kamibot.ordering.IllegalOrderTransition;
import io.kamibot.ordering.InvalidQuantity;
import io.kamibot.ordering.OrderNotFound;
import io.kamibot.pricing.CouponRefused;
import io.kamibot.ordering.ProductUnavailable;
import io.kamibot.payment.NotPayable;
import io.kamibot.payment.UnknownPaymentMethod;
import io.kamibot.risk.RiskRefused;
import io.kamibot.stock.CodesRedeemed;
import io.kamibot.stock.OutOfStock;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** Translates the core's named failures into answers a buyer understands. */
@Component
class Failures {

	Optional<List<Reply>> explain(Session session, RuntimeException failure) {
		if (failure instanceof OutOfStock e) {
			return answer(session.say(Text.OUT_OF_STOCK, e.sku(), e.requested(), e.available()));
		}
		if (failure instanceof InvalidQuantity e) {
			return answer(session.say(Text.QUANTITY_INVALID, e.max()));
		}
		if (failure instanceof ProductUnavailable e) {
			return answer(session.say(Text.PRODUCT_UNAVAILABLE, e.sku()));
		}
		if (failure instanceof UnknownProduct e) {
			return answer(session.say(Text.PRODUCT_UNAVAILABLE, e.sku()));
		}
		if (failure instanceof InvalidSku) {
			return answer(session.say(Text.BUY_USAGE));
		}
		if (failure instanceof OrderNotFound e) {
			return answer(session.say(Text.ORDER_NOT_FOUND, e.orderNo()));
		}
		if (failure instanceof NotPayable e) {
			return answer(session.say(Text.PAYMENT_NOT_PAYABLE, e.orderNo(), status(session, e.status())));
		}
		if (failure instanceof NotDeliveredYet e) {
			return answer(session.say(Text.CODES_NOT_YET, e.orderNo(), status(session, e.status())));
		}
		if (failure instanceof UnknownPaymentMethod) {
			return answer(session.say(Text.PAYMENT_NONE));
		}
		if (failure instanceof IllegalOrderTransition e) {
			// The only move a buyer makes directly is cancelling; the order has moved on (paid, expired …).
			return answer(session.say(Text.ORDER_CANNOT_CANCEL, e.orderNo(), status(session, e.status())));
		}
		if (failure instanceof CouponRefused e) {
			return answer(session.say(Text.COUPON_REFUSED, e.code(), session.text("coupon.refused." + e.reason().name())));
		}
		if (failure instanceof CodesRedeemed e) {
			return answer(session.say(Text.REFUND_REDEEMED, e.orderNo(), e.redeemed()));
		}
		if (failure instanceof RiskRefused e) {
			return answer(switch (e.rule()) {
				case BANNED -> session.say(Text.RISK_BANNED);
				case RATE -> session.say(Text.RISK_RATE, e.limit());
				case ADDRESS -> session.say(Text.RISK_ADDRESS, e.limit());
				case UNPAID -> session.say(Text.RISK_UNPAID, e.limit());
				case QUANTITY -> session.say(Text.RISK_QUANTITY, e.limit());
			});
		}
		return Optional.empty();
	}

	static String status(Session session, Enum<?> status) {
		return session.text("status." + status.name());
	}

	private static Optional<List<Reply>> answer(List<Reply> replies) {
		return Optional.of(replies);
	}
}
