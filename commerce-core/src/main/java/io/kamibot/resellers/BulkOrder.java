package io.kamibot.resellers;

import java.time.Instant;

import io.kamibot.catalog.Sku;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reseller's bulk order under their own reference; its id is the reseller and the reference, so a reference is
 * one order. The order number is chosen before anything is reserved, so whoever resumes the order finds it.
 */
@Document("bulk_orders")
public record BulkOrder(@Id String id, String resellerId, String ref, String orderNo, String sku, int quantity,
		long amountFen, BulkState state, Instant createdAt, Instant doneAt) {

	static String idOf(String resellerId, String ref) {
		return resellerId + "/" + ref;
	}

	/** The ledger reference of the wallet debit that pays it. */
	String debitRef() {
		return "order:" + orderNo;
	}

	Sku productSku() {
		return new Sku(sku);
	}

	boolean sameAs(String otherSku, int otherQuantity) {
		return sku.equals(otherSku) && quantity == otherQuantity;
	}
}
