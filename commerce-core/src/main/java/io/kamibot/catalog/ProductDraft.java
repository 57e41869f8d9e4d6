package io.kamibot.catalog;

/**
 * What an admin sends to create or change a product; {@code null} fields keep their current value (or the
 * default for a new product).
 */
public record ProductDraft(String title, String description, String category, Long priceFen, Long starsPrice,
		Boolean active, Integer maxPerOrder, Integer lowStockThreshold, Issuer issuer) {

	public ProductDraft(String title, String description, String category, Long priceFen, Long starsPrice,
			Boolean active, Integer maxPerOrder, Integer lowStockThreshold) {
		this(title, description, category, priceFen, starsPrice, active, maxPerOrder, lowStockThreshold, null);
	}
}
