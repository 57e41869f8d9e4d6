package io.kamibot.pricing;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One order's use of a coupon (one coupon an order). {@code returned} is set once the use went back to the coupon,
 * which happens at most once.
 */
@Document("coupon_uses")
public record CouponUse(@Id String orderNo, String code, String customerId, long discountFen, long discountStars,
		Instant takenAt, Instant returnedAt) {
}
