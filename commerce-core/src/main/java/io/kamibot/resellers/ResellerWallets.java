package io.kamibot.resellers;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.events.DomainEvents;
import io.kamibot.wallet.Balance;
import io.kamibot.wallet.EntryKind;
import io.kamibot.wallet.LedgerEntry;
import io.kamibot.wallet.Wallets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Resellers' wallets: admins top them up (or take money back), resellers read their balance and monthly statement,
 * and a debit that takes a balance below the reseller's threshold tells them.
 */
@Service
@EnableConfigurationProperties(ResellerSettings.class)
public class ResellerWallets {

	private final Resellers resellers;
	private final Wallets wallets;
	private final DomainEvents events;
	private final ResellerSettings settings;
	private final ZoneId zone;

	ResellerWallets(Resellers resellers, Wallets wallets, DomainEvents events, ResellerSettings settings,
			ShopSettings shop) {
		this.resellers = resellers;
		this.wallets = wallets;
		this.events = events;
		this.settings = settings;
		this.zone = shop.zone();
	}

	/**
	 * Adds money to the reseller's wallet, or with a negative amount takes it back, once per reference.
	 *
	 * @throws io.kamibot.wallet.InsufficientBalance when taking it would pass the credit limit
	 */
	public LedgerEntry topUp(String resellerId, long amountFen, String ref, String note) {
		if (amountFen == 0) {
			throw new IllegalArgumentException("A top-up or adjustment moves at least 1 fen");
		}
		Reseller reseller = resellers.get(resellerId);
		LedgerEntry entry = wallets.post(reseller.walletId(), ref, EntryKind.TOP_UP, amountFen, note);
		watch(reseller, entry);
		return entry;
	}

	public Balance balance(String resellerId) {
		return wallets.balance(resellers.get(resellerId).walletId());
	}

	/** The month's applied entries, oldest first; months are the shop's calendar months. */
	public List<LedgerEntry> statement(String resellerId, YearMonth month) {
		return wallets.statement(resellers.get(resellerId).walletId(), month.atDay(1).atStartOfDay(zone).toInstant(),
				month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
	}

	/** Tells the reseller once when this entry took their balance from at or above their threshold to below it. */
	void watch(Reseller reseller, LedgerEntry entry) {
		Long threshold = reseller.lowBalanceFen() != null ? reseller.lowBalanceFen() : settings.lowBalanceFen();
		if (threshold == null || entry.amountFen() >= 0 || entry.balanceAfterFen() == null) {
			return;
		}
		long before = entry.balanceAfterFen() - entry.amountFen();
		if (entry.balanceAfterFen() < threshold && before >= threshold) {
			events.publish(new ResellerBalanceLow(reseller.id(), entry.balanceAfterFen(), threshold));
		}
	}
}
