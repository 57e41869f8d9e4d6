package io.kamibot.benefits;

import java.util.List;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Sku;
import io.kamibot.pricing.Pricing;
import io.kamibot.resellers.Reseller;
import io.kamibot.resellers.Resellers;
import org.springframework.stereotype.Component;

/** Works out once per period what every issue of it shares: the orders' titles and prices, and who pays. */
@Component
class IssueTerms {

	private final Catalog catalog;
	private final Pricing pricing;
	private final Resellers resellers;

	IssueTerms(Catalog catalog, Pricing pricing, Resellers resellers) {
		this.catalog = catalog;
		this.pricing = pricing;
		this.resellers = resellers;
	}

	/**
	 * @throws io.kamibot.catalog.UnknownProduct when an item's product is gone
	 * @throws io.kamibot.resellers.UnknownReseller when the payer is gone
	 */
	Terms of(Plan plan, String period) {
		Reseller payer = plan.payerResellerId() == null ? null : resellers.get(plan.payerResellerId());
		List<Line> lines = plan.items().stream().map(item -> {
			String title = plan.name() + " · " + catalog.get(item.productSku()).title();
			long amount = payer == null ? 0
					: pricing.quote(item.productSku(), item.quantity(), payer.level()).totalFen();
			return new Line(item.productSku(), item.quantity(), amount, title);
		}).toList();
		return new Terms(plan, period, lines, payer == null ? null : payer.walletId());
	}

	/**
	 * @param walletId the payer's wallet, debited once per issue; {@code null} when the shop bears the plan
	 */
	record Terms(Plan plan, String period, List<Line> lines, String walletId) {

		long totalFen() {
			return lines.stream().mapToLong(Line::amountFen).sum();
		}
	}

	/** One order of each issue: a plan item with what it costs the payer and what the recipient sees it as. */
	record Line(Sku sku, int quantity, long amountFen, String title) {
	}
}
