package io.kamibot.pricing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceListTest {

	private final PriceList list = new PriceList("STEAM-100", Map.of("1", 9500L, "2", 9200L),
			List.of(new QuantityTier(100, 3), new QuantityTier(1000, 5)));

	@Test
	void aLevelWithoutAPriceHasNone() {
		assertThat(list.unitFor(1)).contains(9500L);
		assertThat(list.unitFor(3)).isEmpty();
	}

	@Test
	void theLargestTierReachedAppliesAlone() {
		assertThat(list.percentOffFor(99)).isZero();
		assertThat(list.percentOffFor(100)).isEqualTo(3);
		assertThat(list.percentOffFor(999)).isEqualTo(3);
		assertThat(list.percentOffFor(1000)).isEqualTo(5);
	}

	@Test
	void roundsTheDiscountedTotalHalfUpToTheFen() {
		// 3 × 333 = 999 fen, 3 % off = 969.03 → 969
		assertThat(Quote.of("X", 3, 333, 3).totalFen()).isEqualTo(969);
		// 1 × 50 fen, 1 % off = 49.5 → 50
		assertThat(Quote.of("X", 1, 50, 1).totalFen()).isEqualTo(50);
		assertThat(Quote.of("X", 100, 9500, 3).totalFen()).isEqualTo(921_500);
		assertThat(Quote.of("X", 10, 9500, 0).totalFen()).isEqualTo(95_000);
	}

	@Test
	void refusesLevelsAndTiersThatMakeNoSense() {
		assertThatThrownBy(() -> new PriceList("X", Map.of("0", 1L), null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new PriceList("X", Map.of("1", 0L), null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new QuantityTier(10, 100)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new PriceList("X", null, List.of(new QuantityTier(10, 1), new QuantityTier(10, 2))))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
