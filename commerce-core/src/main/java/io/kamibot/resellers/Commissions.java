package io.kamibot.resellers;

import io.kamibot.pricing.Pricing;
import io.kamibot.pricing.Quote;
import io.kamibot.wallet.EntryKind;
import io.kamibot.wallet.Wallets;

/**
 * A parent reseller earns, on each order of their sub-reseller, what the sub-reseller paid above the parent's own
 * price for the same order, credited to the parent's wallet under a reference derived from the order: once.
 */
final class Commissions {

	private final Resellers resellers;
	private final Pricing pricing;
	private final Wallets wallets;

	Commissions(Resellers resellers, Pricing pricing, Wallets wallets) {
		this.resellers = resellers;
		this.pricing = pricing;
		this.wallets = wallets;
	}

	/** @return the commission credited (now or before), 0 when none is due */
	long credit(Reseller buyer, BulkOrder order) {
		if (buyer.parentId() == null) {
			return 0;
		}
		Reseller parent = resellers.get(buyer.parentId());
		Quote parentPrice = pricing.quote(order.productSku(), order.quantity(), parent.level());
		long commission = order.amountFen() - parentPrice.totalFen();
		if (commission <= 0) {
			return 0;
		}
		return wallets.post(parent.walletId(), "commission:" + order.orderNo(), EntryKind.COMMISSION, commission,
				"order " + order.orderNo() + " of " + buyer.id()).amountFen();
	}
}
