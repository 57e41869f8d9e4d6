package io.kamibot.wallet;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A wallet's balance and the last entry applied to it.
 *
 * @param creditLimitFen how far the balance may go below zero
 * @param seq bumped by every change; the condition of the next one
 * @param last the entry the latest change applied, kept here so that whoever reads the wallet can mark it applied
 *     even when the process that applied it died before it could
 */
@Document("wallets")
record Wallet(@Id String id, long balanceFen, long creditLimitFen, long seq, LedgerEntry last, Instant updatedAt) {

	boolean allows(long amountFen) {
		return amountFen >= 0 || balanceFen + amountFen >= -creditLimitFen;
	}

	Balance balance() {
		return new Balance(id, balanceFen, creditLimitFen);
	}
}
