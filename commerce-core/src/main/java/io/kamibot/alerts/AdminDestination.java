package io.kamibot.alerts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A chat registered by an admin to receive alerts; the id is {@code <channel>:<chat id>}. */
@Document("admin_destinations")
record AdminDestination(@Id String id, String channel, String target, String registeredBy, Instant at) {
}
