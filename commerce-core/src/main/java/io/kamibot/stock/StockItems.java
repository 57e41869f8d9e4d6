package io.kamibot.stock;

import java.time.Instant;
import java.util.Date;

/** Field names of the {@code stock} collection: one document per code. */
final class StockItems {

	static final String COLLECTION = "stock";
	static final String SKU = "sku";
	static final String STATUS = "status";
	static final String LOOKUP = "lookup";
	static final String KEY_ID = "keyId";
	static final String CIPHER = "cipher";
	static final String BATCH = "batchId";
	static final String EXPIRES_AT = "expiresAt";
	/**
	 * The sort key of allocation: the expiry, or the far future for codes that never expire. One index range then
	 * yields earliest-expiring first and never-expiring last, in one query.
	 */
	static final String SELL_BY = "sellBy";
	static final Date NEVER = Date.from(Instant.parse("9999-12-31T00:00:00Z"));
	static final String ORDER = "orderNo";
	/** Position of the code within its order; unique with the order so no order can take more than it bought. */
	static final String SLOT = "slot";
	/** The order a voided code was taken back from. */
	static final String VOIDED_FROM = "voidedFrom";
	static final String IMPORTED_AT = "importedAt";
	/** {@value #SHOP} on the shop's own generated codes, absent on imported ones. */
	static final String ISSUER = "issuer";
	static final String SHOP = "SHOP";
	/** When an own voucher was redeemed, and by which redeemer. */
	static final String REDEEMED_AT = "redeemedAt";
	static final String REDEEMED_BY = "redeemedBy";
	/** Set on the codes a refund took back from their order (VOID, order and slot kept), so a refused one can undo it. */
	static final String WITHDRAWN = "withdrawn";
	static final String CHANGED_AT = "changedAt";

	private StockItems() {
	}
}
