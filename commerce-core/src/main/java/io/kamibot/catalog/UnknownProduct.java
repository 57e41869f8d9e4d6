package io.kamibot.catalog;

/** No product has the given SKU. */
public class UnknownProduct extends RuntimeException {

	private final transient Sku sku;

	public UnknownProduct(Sku sku) {
		super("Unknown product " + sku);
		this.sku = sku;
	}

	public Sku sku() {
		return sku;
	}
}
