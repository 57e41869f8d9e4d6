package io.kamibot.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The one hand-over of an order's codes; its id is the order number. */
@Document("deliveries")
record Delivery(@Id String orderNo, String customerId, int quantity, Instant deliveredAt) {
}
