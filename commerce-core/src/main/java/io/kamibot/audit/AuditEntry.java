package io.kamibot.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the audit log. Never holds a code.
 *
 * @param actor who did it: {@code telegram:<user id>}, {@code admin-api}, {@code customer:<id>}, {@code system}
 * @param action what, e.g. {@code order.approve}, {@code product.pause}, {@code codes.view}
 * @param target what it was done to: an order number, a SKU, a customer id
 * @param detail anything else worth knowing (a reason, a channel, a count)
 */
@Document("audit")
public record AuditEntry(@Id String id, Instant at, String actor, String action, String target, String detail) {
}
