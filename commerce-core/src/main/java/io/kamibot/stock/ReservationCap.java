package io.kamibot.stock;

/**
 * How much of a product unpaid orders may hold reserved: {@code percent} % of its unsold codes (available plus
 * reserved), but always up to {@code minimum} codes, so a small shelf and the last few codes of any product are
 * reserved as if there were no cap. An order whose codes would take the reservations past both reserves none.
 * Counts stop early: no answer reads more than the reservations (up to {@link #MAX_RESERVED}) and about
 * {@code 100 / percent} times as many available codes.
 *
 * @param percent 1–100; 100 is no cap
 * @param minimum codes unpaid orders may always hold, whatever the share
 */
public record ReservationCap(int percent, int minimum) {

	/** Past this many reserved codes of one product, no order reserves more: the counts stay bounded. */
	static final int MAX_RESERVED = 10_000;
	/** {@link #availableNeeded} when no number of available codes would do. */
	static final long NEVER = Long.MAX_VALUE;

	public ReservationCap {
		if (percent < 1 || percent > 100 || minimum < 0) {
			throw new IllegalArgumentException("A reservation cap is 1-100 % with a minimum of 0 or more codes");
		}
	}

	boolean isOff() {
		return percent == 100;
	}

	/**
	 * How many codes must be available for unpaid orders to hold {@code held} codes.
	 *
	 * @param reservedNow codes reserved now, the order's own included once it has taken them
	 * @return 0 when any number will do, {@link #NEVER} when none will
	 */
	long availableNeeded(long reservedNow, long held) {
		if (isOff() || held <= minimum) {
			return 0;
		}
		if (reservedNow >= MAX_RESERVED) {
			return NEVER;
		}
		// held <= percent/100 * (available + reservedNow), in integers.
		long unsold = (100 * held + percent - 1) / percent;
		return Math.max(0, unsold - reservedNow);
	}
}
