package io.kamibot.admin;

import java.util.ArrayList;
import java.util.List;

import io.kamibot.catalog.Issuer;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.money.Money;

/** A product change as the audit log shows it: only the fields given, in words an owner reads. */
final class ProductChange {

	private static final int SHOWN = 60;

	private ProductChange() {
	}

	static String describe(ProductDraft draft) {
		List<String> parts = new ArrayList<>();
		add(parts, "title", draft.title());
		add(parts, "description", draft.description());
		add(parts, "English title", draft.titleEn());
		add(parts, "English description", draft.descriptionEn());
		add(parts, "category", draft.category());
		if (draft.priceFen() != null) {
			parts.add("price " + Money.fen(draft.priceFen()).display());
		}
		if (draft.starsPrice() != null) {
			parts.add("Stars price " + draft.starsPrice());
		}
		if (draft.active() != null) {
			parts.add(draft.active() ? "on sale" : "paused");
		}
		if (draft.maxPerOrder() != null) {
			parts.add("at most " + draft.maxPerOrder() + " per order");
		}
		if (draft.lowStockThreshold() != null) {
			parts.add("low-stock warning at " + draft.lowStockThreshold());
		}
		if (draft.issuer() != null) {
			parts.add(draft.issuer() == Issuer.SHOP ? "own vouchers, generated" : "codes imported");
		}
		return parts.isEmpty() ? "no change" : String.join("; ", parts);
	}

	private static void add(List<String> parts, String name, String value) {
		if (value != null) {
			parts.add(name + " “" + (value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value) + "”");
		}
	}
}
