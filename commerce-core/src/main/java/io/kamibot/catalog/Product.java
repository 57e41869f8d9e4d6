package io.kamibot.catalog;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.kamibot.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product on the shelf.
 *
 * @param sku the product's id
 * @param priceFen price in CNY fen
 * @param starsPrice price in Telegram Stars, or {@code null} when it cannot be bought with Stars
 * @param maxPerOrder the largest quantity one order may take
 * @param lowStockThreshold the available count at which admins are warned
 * @param titleEn the title English-speaking buyers see, or {@code null} to show them {@code title}; likewise
 *     {@code descriptionEn}
 */
@Document("products")
public record Product(@Id String sku, String title, String description, String category, long priceFen,
		Long starsPrice, boolean active, int maxPerOrder, int lowStockThreshold, Instant createdAt,
		Instant updatedAt, String titleEn, String descriptionEn) {

	public static final int DEFAULT_MAX_PER_ORDER = 10;

	public Product {
		new Sku(sku);
		Objects.requireNonNull(title, "title");
		if (title.isBlank() || title.length() > 64) {
			throw new IllegalArgumentException("A product title has 1-64 characters");
		}
		if (description != null && description.length() > 1000) {
			throw new IllegalArgumentException("A product description has at most 1000 characters");
		}
		if (priceFen < 0 || (starsPrice != null && starsPrice < 1)) {
			throw new IllegalArgumentException("Prices must be positive");
		}
		if (maxPerOrder < 1 || maxPerOrder > 1000) {
			throw new IllegalArgumentException("maxPerOrder must be between 1 and 1000");
		}
		if (titleEn != null && (titleEn.isBlank() || titleEn.length() > 64)) {
			throw new IllegalArgumentException("A product title has 1-64 characters");
		}
		if (descriptionEn != null && descriptionEn.length() > 1000) {
			throw new IllegalArgumentException("A product description has at most 1000 characters");
		}
		if (lowStockThreshold < 0) {
			throw new IllegalArgumentException("lowStockThreshold cannot be negative");
		}
	}

	/** The title in the buyer's language: the English one for English, when there is one. */
	public String title(Locale locale) {
		return english(locale) && titleEn != null ? titleEn : title;
	}

	public String description(Locale locale) {
		return english(locale) && descriptionEn != null ? descriptionEn : description;
	}

	private static boolean english(Locale locale) {
		return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
	}

	public Sku id() {
		return new Sku(sku);
	}

	public Money price() {
		return Money.fen(priceFen);
	}

	public Optional<Money> priceInStars() {
		return Optional.ofNullable(starsPrice).map(Money::stars);
	}
}
