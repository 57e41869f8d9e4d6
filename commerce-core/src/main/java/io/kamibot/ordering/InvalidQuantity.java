package io.kamibot.ordering;

/** The quantity is outside 1..the product's maximum per order. */
public class InvalidQuantity extends RuntimeException {

	private final int max;

	InvalidQuantity(int quantity, int max) {
		super("Quantity " + quantity + " is not within 1.." + max);
		this.max = max;
	}

	public int max() {
		return max;
	}
}
