package io.kamibot.pricing;

/**
 * A discount for orders of at least {@code min} codes.
 *
 * @param percentOff whole percent taken off the order's total, 1-99
 */
public record QuantityTier(int min, int percentOff) {

	public QuantityTier {
		if (min < 2) {
			throw new IllegalArgumentException("A quantity tier starts at 2 codes or more");
		}
		if (percentOff < 1 || percentOff > 99) {
			throw new IllegalArgumentException("percentOff must be between 1 and 99");
		}
	}
}
