package io.kamibot.catalog;

/**
 * What an admin sends to create or change a product; {@code null} fields keep their current value (or the
 * default for a new product). An empty {@code titleEn} or {@code descriptionEn} removes it.
 */
public record ProductDraft(String title, String description, String category, Long priceFen, Long starsPrice,
		Boolean active, Integer maxPerOrder, Integer lowStockThreshold, Issuer issuer, String titleEn,
		String descriptionEn) {

	/** A draft in one language, of a product whose codes are imported. */
	public ProductDraft(String title, String description, String category, Long priceFen, Long starsPrice,
			Boolean active, Integer maxPerOrder, Integer lowStockThreshold) {
		this(title, description, category, priceFen, starsPrice, active, maxPerOrder, lowStockThreshold, null, null,
				null);
	}

	/** A draft in one language, saying who issues the product's codes. */
	public ProductDraft(String title, String description, String category, Long priceFen, Long starsPrice,
			Boolean active, Integer maxPerOrder, Integer lowStockThreshold, Issuer issuer) {
		this(title, description, category, priceFen, starsPrice, active, maxPerOrder, lowStockThreshold, issuer, null,
				null);
	}
}
