package io.kamibot.admin;

import java.util.List;

import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Creates, changes and lists products. */
@RestController
@RequestMapping("/api/admin/products")
class ProductsApi {

	private final Catalog catalog;
	private final AuditLog audit;

	ProductsApi(Catalog catalog, AuditLog audit) {
		this.catalog = catalog;
		this.audit = audit;
	}

	/** Creates the product or changes the fields given; absent fields keep their value. Audited as the fields given. */
	@PutMapping("/{sku}")
	Product save(@PathVariable String sku, @RequestBody ProductDraft draft) {
		Product saved = catalog.save(new Sku(sku), draft);
		audit.record(AdminApi.ACTOR, "product.save", sku, ProductChange.describe(draft));
		return saved;
	}

	@GetMapping("/{sku}")
	Product get(@PathVariable String sku) {
		return catalog.get(new Sku(sku));
	}

	@GetMapping
	List<Product> all() {
		return catalog.all();
	}
}
