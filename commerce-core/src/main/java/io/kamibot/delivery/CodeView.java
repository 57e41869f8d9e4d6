package io.kamibot.delivery;

import java.time.Instant;

import org.springframework.data.mongodb.core.mapping.Document;

/** Audit: codes of an order were shown to someone, on some channel. */
@Document("code_views")
record CodeView(String orderNo, String viewer, String channel, int count, Instant at) {
}
