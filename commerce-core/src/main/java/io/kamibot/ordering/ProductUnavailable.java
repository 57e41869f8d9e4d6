package io.kamibot.ordering;

/** The product does not exist or is paused. */
public class ProductUnavailable extends RuntimeException {

	private final String sku;

	ProductUnavailable(String sku) {
		super("Product " + sku + " is not on sale");
		this.sku = sku;
	}

	public String sku() {
		return sku;
	}
}
