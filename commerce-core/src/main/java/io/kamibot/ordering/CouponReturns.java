package io.kamibot.ordering;

import io.kamibot.ordering.OrderEvents.OrderCancelled;
import io.kamibot.ordering.OrderEvents.OrderExpired;
import io.kamibot.pricing.Coupons;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Gives a coupon's use back when the order that took it ends unpaid; from the event registry, so never lost. */
@Component
class CouponReturns {

	private final Coupons coupons;

	CouponReturns(Coupons coupons) {
		this.coupons = coupons;
	}

	@ApplicationModuleListener
	void on(OrderExpired expired) {
		coupons.giveBack(expired.orderNo());
	}

	@ApplicationModuleListener
	void on(OrderCancelled cancelled) {
		coupons.giveBack(cancelled.orderNo());
	}
}
