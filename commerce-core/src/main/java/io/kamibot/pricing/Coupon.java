package io.kamibot.pricing;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A code that takes money off a buyer's order: a percentage or a fixed amount, from a minimum amount, for some
 * products or all, within a window, a number of times in all and per customer.
 *
 * @param code upper case, the document's id
 * @param uses how many orders hold a use now: taken when an order is placed, given back when it expires or is
 *     cancelled
 */
@Document("coupons")
public record Coupon(@Id String code, Integer percentOff, Long fenOff, Long minFen, List<String> skus,
		Instant startsAt, Instant endsAt, Integer maxUses, Integer maxUsesPerCustomer, int uses, Instant updatedAt) {

	/** What the coupon takes off an amount: never the whole of it (an order costs at least one fen). */
	public long discountFen(long amountFen) {
		long off = percentOff != null ? (amountFen * percentOff + 50) / 100 : fenOff != null ? fenOff : 0;
		return Math.max(0, Math.min(off, amountFen - 1));
	}

	/** What it takes off a price in Telegram Stars: a percentage only (a fixed amount is in fen), at least 1 left. */
	public long discountStars(long stars) {
		long off = percentOff != null ? stars * percentOff / 100 : 0;
		return Math.max(0, Math.min(off, stars - 1));
	}

	boolean appliesTo(String sku) {
		return skus == null || skus.isEmpty() || skus.contains(sku);
	}
}
