package io.kamibot.wallet;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change of a wallet. Its id is the wallet and the reference, so a reference is used once per wallet.
 *
 * @param amountFen positive adds to the balance, negative takes from it
 * @param seq the wallet's sequence number this entry moved it to; {@code null} while pending
 * @param balanceAfterFen the balance right after this entry; {@code null} while pending
 */
@Document("wallet_entries")
public record LedgerEntry(@Id String id, String walletId, String ref, EntryKind kind, long amountFen, String note,
		EntryState state, Long seq, Long balanceAfterFen, Instant at) {

	static String idOf(String walletId, String ref) {
		return walletId + "/" + ref;
	}

	public boolean applied() {
		return state == EntryState.APPLIED;
	}

	LedgerEntry appliedAt(long seq, long balanceAfter) {
		return new LedgerEntry(id, walletId, ref, kind, amountFen, note, EntryState.APPLIED, seq, balanceAfter, at);
	}
}
