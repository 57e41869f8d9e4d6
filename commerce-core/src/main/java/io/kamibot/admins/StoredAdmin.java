package io.kamibot.admins;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An admin added through the admin API; the id is {@code <channel>:<user id>}, so an admin is stored once.
 *
 * @param addedBy who added it, as the audit log names actors
 */
@Document("admins")
record StoredAdmin(@Id String id, String channel, String userId, String addedBy, Instant addedAt) {
}
