package io.kamibot.admin;

import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Sku;
import io.kamibot.pricing.PriceList;
import io.kamibot.pricing.Pricing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A product's reseller prices: a unit price per level and quantity tiers. */
@RestController
@RequestMapping("/api/admin/products/{sku}/prices")
class PricesApi {

	private final Pricing pricing;
	private final AuditLog audit;

	PricesApi(Pricing pricing, AuditLog audit) {
		this.pricing = pricing;
		this.audit = audit;
	}

	/** Replaces the product's reseller prices. */
	@PutMapping
	PriceList put(@PathVariable String sku, @RequestBody PriceList prices) {
		PriceList saved = pricing.setPrices(new Sku(sku), prices);
		audit.record(AdminApi.ACTOR, "product.prices", sku, saved.levels() + " " + saved.quantityTiers());
		return saved;
	}

	@GetMapping
	PriceList get(@PathVariable String sku) {
		return pricing.prices(new Sku(sku));
	}
}
