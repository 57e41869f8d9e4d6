package io.kamibot.catalog;

/** No product has the given SKU. */
public class UnknownProduct extends RuntimeException {

	public UnknownProduct(Sku sku) {
		super("Unknown product " + sku);
	}
}
