package io.kamibot.catalog;

/** Who makes a product's codes, and so who answers for them once they are sold. */
public enum Issuer {

	/** Codes come from a supplier and are imported; the supplier redeems them. */
	SUPPLIER,

	/**
	 * The shop issues its own vouchers: codes are generated, not imported, and the shop's redeemers mark them used
	 * (核销) through the redemption API.
	 */
	SHOP
}
