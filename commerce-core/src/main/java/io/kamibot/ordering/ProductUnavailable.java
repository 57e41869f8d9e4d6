package io.kamibot.ordering;

/** The product does not exist or is paused. */
public class ProductUnavailable extends RuntimeException {

	ProductUnavailable(String sku) {
		super("Product " + sku + " is not on sale");
	}
}
