package io.kamibot.resellers;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-time code that links a chat to a reseller, stored only as its keyed hash.
 *
 * @param usedBy the customer who used it, or {@code null} while unused
 */
@Document("reseller_links")
record ResellerLink(@Id String hash, String resellerId, Instant expiresAt, String usedBy, Instant usedAt) {
}
