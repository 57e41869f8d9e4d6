package io.kamibot.stock;

import io.kamibot.catalog.Sku;

/** Codes are generated only for products the shop issues itself ({@code issuer: SHOP}). */
public class NotOwnVoucher extends RuntimeException {

	public NotOwnVoucher(Sku sku) {
		super("Product " + sku + " is not issued by the shop (issuer SHOP): its codes are imported, not generated");
	}
}
