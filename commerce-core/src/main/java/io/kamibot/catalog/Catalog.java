package io.kamibot.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads and maintains the products.
 */
@Service
public class Catalog {

	private final MongoTemplate mongo;
	private final Clock clock;

	Catalog(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public Optional<Product> find(Sku sku) {
		return Optional.ofNullable(mongo.findById(sku.value(), Product.class));
	}

	public Product get(Sku sku) {
		return find(sku).orElseThrow(() -> new UnknownProduct(sku));
	}

	public boolean exists(Sku sku) {
		return mongo.exists(Query.query(where("_id").is(sku.value())), Product.class);
	}

	/** Products on sale, by category then SKU. */
	public List<Product> onSale() {
		return mongo.find(Query.query(where("active").is(true)).with(Sort.by("category", "_id")), Product.class);
	}

	public List<Product> all() {
		return mongo.find(new Query().with(Sort.by("_id")), Product.class);
	}

	public long count() {
		return mongo.estimatedCount(Product.class);
	}

	/**
	 * Creates the product or changes the fields the draft names. Last write wins: products are edited by admins,
	 * not raced by buyers. Prices are at least 1 fen and 1 star: a product for nothing would hand out codes for free.
	 */
	public Product save(Sku sku, ProductDraft draft) {
		Instant now = clock.instant();
		Product current = find(sku).orElse(null);
		Product next;
		if (current == null) {
			if (draft.title() == null || draft.priceFen() == null) {
				throw new IllegalArgumentException("A new product needs a title and a priceFen");
			}
			next = new Product(sku.value(), draft.title(), draft.description(), orDefault(draft.category(), "default"),
					draft.priceFen(), draft.starsPrice(), orDefault(draft.active(), true),
					orDefault(draft.maxPerOrder(), Product.DEFAULT_MAX_PER_ORDER),
					orDefault(draft.lowStockThreshold(), 0), now, now, draft.issuer(), emptyToNull(draft.titleEn()),
					emptyToNull(draft.descriptionEn()));
		}
		else {
			next = new Product(sku.value(), orDefault(draft.title(), current.title()),
					orDefault(draft.description(), current.description()),
					orDefault(draft.category(), current.category()), orDefault(draft.priceFen(), current.priceFen()),
					draft.starsPrice() != null ? draft.starsPrice() : current.starsPrice(),
					orDefault(draft.active(), current.active()), orDefault(draft.maxPerOrder(), current.maxPerOrder()),
					orDefault(draft.lowStockThreshold(), current.lowStockThreshold()), current.createdAt(), now,
					orDefault(draft.issuer(), current.issuer()),
					draft.titleEn() != null ? emptyToNull(draft.titleEn()) : current.titleEn(),
					draft.descriptionEn() != null ? emptyToNull(draft.descriptionEn()) : current.descriptionEn());
		}
		// Here rather than in the record, so a product an older version stored at price 0 can still be read and fixed.
		if (next.priceFen() < 1) {
			throw new IllegalArgumentException("Prices must be positive");
		}
		return mongo.save(next);
	}

	private static String emptyToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static <T> T orDefault(T value, T fallback) {
		return value != null ? value : fallback;
	}
}
