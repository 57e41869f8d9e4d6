package io.kamibot.wallet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Posts ledger entries to wallets and reads balances and statements. A posting first records its entry under its
 * reference (a second posting of the reference finds it and changes nothing), then applies it by one update of the
 * wallet conditional on the sequence number read, which records the entry as the wallet's last; the entry is marked
 * applied after, by the poster or by whoever reads the wallet next.
 */
@Service
public class Wallets {

	private static final Pattern REF = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
	/** Each lost race means another change won, so this many attempts outlast far more concurrent posters. */
	private static final int ATTEMPTS = 1000;

	private final MongoTemplate mongo;
	private final Clock clock;

	Wallets(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public static boolean isValidReference(String ref) {
		return ref != null && REF.matcher(ref).matches();
	}

	/**
	 * Adds {@code amountFen} (negative: takes it) to the wallet under a reference, once. A wallet seen for the first
	 * time starts at zero with no credit.
	 *
	 * @return the applied entry; for a reference posted before, that entry, whatever amount was asked now
	 * @throws InsufficientBalance when a debit would pass the credit limit; nothing is recorded
	 * @throws InvalidReference when the reference has not the required form
	 */
	public LedgerEntry post(String walletId, String ref, EntryKind kind, long amountFen, String note) {
		if (!isValidReference(ref)) {
			throw new InvalidReference(ref);
		}
		open(walletId);
		LedgerEntry mine = record(new LedgerEntry(LedgerEntry.idOf(walletId, ref), walletId, ref, kind, amountFen,
				note, EntryState.PENDING, null, null, clock.instant()));
		if (mine.applied()) {
			return mine;
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Wallet wallet = settled(walletId);
			LedgerEntry current = mongo.findById(mine.id(), LedgerEntry.class);
			if (current == null) {
				// A concurrent poster of the same reference found the balance short and withdrew it.
				throw new InsufficientBalance(wallet.balance(), -amountFen);
			}
			if (current.applied()) {
				return current;
			}
			if (!wallet.allows(current.amountFen())) {
				withdraw(current);
				throw new InsufficientBalance(wallet.balance(), -current.amountFen());
			}
			LedgerEntry applied = current.appliedAt(wallet.seq() + 1, wallet.balanceFen() + current.amountFen());
			if (move(wallet, new Update().set("balanceFen", applied.balanceAfterFen()).set("last", applied))) {
				mongo.save(applied);
				return applied;
			}
		}
		throw new WalletBusy(walletId);
	}

	/** The wallet's balance; a wallet never posted to has zero. */
	public Balance balance(String walletId) {
		return stored(walletId).balance();
	}

	/**
	 * Checks that the wallet could pay the amount now, as a debit would, without posting anything: for a step that
	 * asks before it debits. The debit itself checks again.
	 *
	 * @throws InsufficientBalance when it could not
	 */
	public Balance checkCovers(String walletId, long amountFen) {
		Wallet wallet = stored(walletId);
		if (!wallet.allows(-amountFen)) {
			throw new InsufficientBalance(wallet.balance(), amountFen);
		}
		return wallet.balance();
	}

	/** The wallet as stored, or an empty one (zero, no credit) when it was never posted to. */
	private Wallet stored(String walletId) {
		return Optional.ofNullable(mongo.findById(walletId, Wallet.class))
			.orElseGet(() -> new Wallet(walletId, 0, 0, 0, null, null));
	}

	/** Sets how far the balance may go below zero; a debit racing with it is checked against one limit or the other. */
	public Balance setCreditLimit(String walletId, long creditLimitFen) {
		if (creditLimitFen < 0) {
			throw new IllegalArgumentException("A credit limit cannot be negative");
		}
		open(walletId);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Wallet wallet = mongo.findById(walletId, Wallet.class);
			if (move(wallet, Update.update("creditLimitFen", creditLimitFen))) {
				return new Balance(walletId, wallet.balanceFen(), creditLimitFen);
			}
		}
		throw new WalletBusy(walletId);
	}

	/**
	 * The entry posted under a reference, settled: applied if the wallet took it, pending if it did not (yet).
	 */
	public Optional<LedgerEntry> entry(String walletId, String ref) {
		settled(walletId);
		return Optional.ofNullable(mongo.findById(LedgerEntry.idOf(walletId, ref), LedgerEntry.class));
	}

	/**
	 * Takes back an entry the wallet has not taken (its poster died before applying it), so that the work it was
	 * for can be undone. Should a poster still apply it, the entry comes back as applied with the wallet's next read.
	 *
	 * @return whether a pending entry was taken back
	 */
	public boolean withdrawPending(String walletId, String ref) {
		settled(walletId);
		return mongo.remove(Query.query(where("_id").is(LedgerEntry.idOf(walletId, ref)).and("state")
			.is(EntryState.PENDING)), LedgerEntry.class).getDeletedCount() == 1;
	}

	/** The wallet's applied entries of {@code [from, to)}, oldest first. */
	public List<LedgerEntry> statement(String walletId, Instant from, Instant to) {
		settled(walletId);
		return mongo.find(Query.query(where("walletId").is(walletId).and("at").gte(from).lt(to)
			.and("state").is(EntryState.APPLIED)).with(Sort.by("seq")), LedgerEntry.class);
	}

	private void open(String walletId) {
		mongo.upsert(Query.query(where("_id").is(walletId)), new Update().setOnInsert("balanceFen", 0L)
			.setOnInsert("creditLimitFen", 0L)
			.setOnInsert("seq", 0L)
			.setOnInsert("updatedAt", clock.instant()), Wallet.class);
	}

	private LedgerEntry record(LedgerEntry entry) {
		try {
			return mongo.insert(entry);
		}
		catch (DuplicateKeyException e) {
			return mongo.findById(entry.id(), LedgerEntry.class);
		}
	}

	/** Reads the wallet and marks its last entry applied, in case the process that applied it died first. */
	private Wallet settled(String walletId) {
		Wallet wallet = stored(walletId);
		LedgerEntry last = wallet.last();
		if (last != null) {
			LedgerEntry stored = mongo.findById(last.id(), LedgerEntry.class);
			if (stored == null || !stored.applied()) {
				mongo.save(last);
			}
		}
		return wallet;
	}

	/** One change of the wallet, made only if nothing changed it since it was read. */
	private boolean move(Wallet read, Update update) {
		return mongo.updateFirst(Query.query(where("_id").is(read.id()).and("seq").is(read.seq())),
				update.set("seq", read.seq() + 1).set("updatedAt", clock.instant()), Wallet.class)
			.getModifiedCount() == 1;
	}

	private void withdraw(LedgerEntry pending) {
		withdrawPending(pending.walletId(), pending.ref());
	}
}
