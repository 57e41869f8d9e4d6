package io.kamibot.risk;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The one decision about a held order; its id is the order number, so a second decision cannot be stored. */
@Document("review_decisions")
record ReviewDecision(@Id String orderNo, Reviews.Outcome outcome, String by, Instant at) {
}
