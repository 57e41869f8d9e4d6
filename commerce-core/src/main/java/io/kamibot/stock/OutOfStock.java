package io.kamibot.stock;

import io.kamibot.catalog.Sku;

/** Fewer codes are available than asked for; nothing was reserved. */
public class OutOfStock extends RuntimeException {

	private final transient Sku sku;
	private final int requested;
	private final long available;

	public OutOfStock(Sku sku, int requested, long available) {
		super("Out of stock: " + sku + " requested " + requested + ", available " + available);
		this.sku = sku;
		this.requested = requested;
		this.available = available;
	}

	public Sku sku() {
		return sku;
	}

	public int requested() {
		return requested;
	}

	public long available() {
		return available;
	}
}
