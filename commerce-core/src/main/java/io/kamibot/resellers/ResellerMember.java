package io.kamibot.resellers;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A chat identity (a customer) that acts for a reseller; one reseller per customer. */
@Document("reseller_members")
record ResellerMember(@Id String customerId, String resellerId, Instant linkedAt) {
}
