package io.kamibot.pricing;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Answers what a customer pays for N codes of a SKU. Buyers (level 0) pay the base price with no tier; a reseller
 * pays their level's price where the product has one, else the base price, less the largest quantity tier reached.
 */
@Service
public class Pricing {

	/** The level of buyers who are no reseller. */
	public static final int BUYER = 0;

	private final MongoTemplate mongo;
	private final Catalog catalog;

	Pricing(MongoTemplate mongo, Catalog catalog) {
		this.mongo = mongo;
		this.catalog = catalog;
	}

	/**
	 * @throws io.kamibot.catalog.UnknownProduct when there is no such product
	 */
	public Quote quote(Sku sku, int quantity, int level) {
		if (quantity < 1) {
			throw new IllegalArgumentException("A quantity is at least 1");
		}
		Product product = catalog.get(sku);
		if (level == BUYER) {
			return Quote.of(sku.value(), quantity, product.priceFen(), 0);
		}
		PriceList list = prices(sku);
		return Quote.of(sku.value(), quantity, list.unitFor(level).orElse(product.priceFen()),
				list.percentOffFor(quantity));
	}

	/** The product's reseller prices; empty when none were set. */
	public PriceList prices(Sku sku) {
		PriceList list = mongo.findById(sku.value(), PriceList.class);
		return list != null ? list : new PriceList(sku.value(), null, null);
	}

	/**
	 * Replaces the product's reseller prices.
	 *
	 * @throws io.kamibot.catalog.UnknownProduct when there is no such product
	 */
	public PriceList setPrices(Sku sku, PriceList prices) {
		catalog.get(sku);
		return mongo.save(new PriceList(sku.value(), prices.levels(), prices.quantityTiers()));
	}
}
