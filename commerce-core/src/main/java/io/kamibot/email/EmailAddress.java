package io.kamibot.email;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a buyer's codes also go.
 *
 * @param tokenHash the SHA-256 of the confirmation link's token while it is unused, else {@code null}
 * @param confirmedAt when the link was opened, or {@code null} while the address is unconfirmed
 */
@Document("emails")
public record EmailAddress(@Id String customerId, String address, String tokenHash, Instant requestedAt,
		Instant confirmedAt) {

	public boolean confirmed() {
		return confirmedAt != null;
	}
}
