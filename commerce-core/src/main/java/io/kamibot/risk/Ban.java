package io.kamibot.risk;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A banned customer; the id is the customer id. */
@Document("bans")
public record Ban(@Id String customerId, String by, Instant at) {
}
