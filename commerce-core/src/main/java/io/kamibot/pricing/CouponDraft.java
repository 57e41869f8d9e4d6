package io.kamibot.pricing;

import java.time.Instant;
import java.util.List;

/** What an admin sets on a coupon; {@link Coupons#save} checks it. */
public record CouponDraft(Integer percentOff, Long fenOff, Long minFen, List<String> skus, Instant startsAt,
		Instant endsAt, Integer maxUses, Integer maxUsesPerCustomer) {

	/** @throws IllegalArgumentException naming what is wrong */
	void check() {
		if ((percentOff == null) == (fenOff == null)) {
			throw new IllegalArgumentException("A coupon takes either percentOff or fenOff, not both or neither");
		}
		if (percentOff != null && (percentOff < 1 || percentOff > 99)) {
			throw new IllegalArgumentException("percentOff is 1 to 99");
		}
		if (fenOff != null && fenOff < 1) {
			throw new IllegalArgumentException("fenOff is at least 1");
		}
		if ((minFen != null && minFen < 0) || (maxUses != null && maxUses < 0)
				|| (maxUsesPerCustomer != null && maxUsesPerCustomer < 1)) {
			throw new IllegalArgumentException("minFen and maxUses are at least 0, maxUsesPerCustomer at least 1");
		}
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException("endsAt comes after startsAt");
		}
	}
}
