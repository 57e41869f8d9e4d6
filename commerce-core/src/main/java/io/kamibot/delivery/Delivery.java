package io.kamibot.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The one hand-over of an order's codes; its id is the order number.
 *
 * @param notifiedAt when the buyer's chat took the message with the codes, or {@code null} while it has not
 * @param reminders how often the message was tried again
 */
@Document("deliveries")
record Delivery(@Id String orderNo, String customerId, int quantity, Instant deliveredAt, Instant notifiedAt,
		int reminders, Instant gaveUpAt) {
}
