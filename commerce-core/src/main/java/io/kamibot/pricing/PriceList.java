package io.kamibot.pricing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product's prices for resellers.
 *
 * @param levels the unit price in fen per reseller level (keys "1", "2" …); a level without one pays the base price
 * @param quantityTiers discounts by order size; the largest tier an order reaches applies, alone
 */
@Document("price_lists")
public record PriceList(@Id String sku, Map<String, Long> levels, List<QuantityTier> quantityTiers) {

	public PriceList {
		levels = levels == null ? Map.of() : new TreeMap<>(levels);
		quantityTiers = quantityTiers == null ? List.of() : List.copyOf(quantityTiers);
		levels.forEach((level, fen) -> {
			if (!level.matches("[1-9][0-9]?")) {
				throw new IllegalArgumentException("A reseller level is a number from 1 to 99: " + level);
			}
			if (fen == null || fen < 1) {
				throw new IllegalArgumentException("Level prices are at least 1 fen");
			}
		});
		if (quantityTiers.stream().map(QuantityTier::min).distinct().count() != quantityTiers.size()) {
			throw new IllegalArgumentException("Two quantity tiers start at the same quantity");
		}
	}

	Optional<Long> unitFor(int level) {
		return Optional.ofNullable(levels.get(Integer.toString(level)));
	}

	int percentOffFor(int quantity) {
		return quantityTiers.stream()
			.filter(tier -> quantity >= tier.min())
			.max(Comparator.comparingInt(QuantityTier::min))
			.map(QuantityTier::percentOff)
			.orElse(0);
	}
}
