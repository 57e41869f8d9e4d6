package io.kamibot.alerts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert on its way to one destination; the id is {@code <alert id>@<destination>}, so it is queued once.
 *
 * @param queuedAt when it was queued (wall time of the instance that raised it)
 * @param notBefore when it may be tried (later after a failure)
 * @param digest whether it went out inside a digest
 */
@Document("alert_deliveries")
record AlertDelivery(@Id String id, String alertId, String destination, DeliveryStatus status, int attempts,
		Instant queuedAt, Instant notBefore, Instant sentAt, boolean digest, String lastError) {
}
