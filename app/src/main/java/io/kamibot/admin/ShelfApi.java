package io.kamibot.admin;

import java.util.List;

import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.stock.Stock;
import io.kamibot.stock.StockLevels;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shelf as the console shows it: every product with its stock levels, pausing and resuming (audited as the
 * chat's {@code /pause} and {@code /resume} are), and voiding the codes whose last day has passed.
 */
@RestController
class ShelfApi {

	private final Catalog catalog;
	private final Stock stock;
	private final AuditLog audit;

	ShelfApi(Catalog catalog, Stock stock, AuditLog audit) {
		this.catalog = catalog;
		this.stock = stock;
		this.audit = audit;
	}

	/** Every product by SKU, each with its available, reserved, sold and expired counts. */
	@GetMapping("/api/admin/stock")
	List<Shelf> shelf() {
		return catalog.all().stream().map(p -> new Shelf(p, stock.levels(p.id()))).toList();
	}

	@PostMapping("/api/admin/products/{sku}/pause")
	Product pause(@PathVariable String sku) {
		return setActive(sku, false);
	}

	@PostMapping("/api/admin/products/{sku}/resume")
	Product resume(@PathVariable String sku) {
		return setActive(sku, true);
	}

	/** Voids every code whose last day has passed, in all products, as the nightly job does. */
	@PostMapping("/api/admin/stock/void-expired")
	Voided voidExpired() {
		long voided = stock.voidExpired();
		audit.record(AdminApi.ACTOR, "stock.void-expired", null, voided + " codes voided");
		return new Voided(voided);
	}

	private Product setActive(String sku, boolean active) {
		Sku id = new Sku(sku);
		catalog.get(id);
		Product saved = catalog.save(id, new ProductDraft(null, null, null, null, null, active, null, null));
		audit.record(AdminApi.ACTOR, active ? "product.resume" : "product.pause", sku, null);
		return saved;
	}

	record Shelf(Product product, StockLevels levels) {
	}

	record Voided(long voided) {
	}
}
