package io.kamibot.storefront;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A buyer who asked to be told when a sold-out product is back; one per product and buyer. */
@Document("restock_requests")
record RestockRequest(@Id String id, String sku, String customerId, Instant at) {

	static String id(String sku, String customerId) {
		return sku + ":" + customerId;
	}
}
