package io.kamibot.stock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How many available codes the share of unpaid reservations asks for. */
class ReservationCapTest {

	private final ReservationCap half = new ReservationCap(50, 10);

	@Test
	void asksForNothingWhileReservationsStayWithinTheMinimum() {
		assertThat(half.availableNeeded(0, 10)).isZero();
		assertThat(half.availableNeeded(9, 10)).isZero();
	}

	@Test
	void asksForAsManyUnsoldCodesAsKeepTheReservationsWithinTheShare() {
		// 8 reserved, 4 wanted: 12 held at most half of the unsold ones, so 24 unsold, 16 of them available.
		assertThat(half.availableNeeded(8, 12)).isEqualTo(16);
		// The same once the order took its 4: 12 reserved now.
		assertThat(half.availableNeeded(12, 12)).isEqualTo(12);
		assertThat(new ReservationCap(30, 0).availableNeeded(3, 4)).as("rounded up").isEqualTo(11);
	}

	@Test
	void isOffAtAHundredPercentAndBoundedByTheReservationsItCounts() {
		assertThat(new ReservationCap(100, 0).availableNeeded(500, 510)).isZero();
		assertThat(half.availableNeeded(ReservationCap.MAX_RESERVED, ReservationCap.MAX_RESERVED + 1))
			.isEqualTo(ReservationCap.NEVER);
	}

	@Test
	void refusesAShareOutsideOneToAHundredPercent() {
		assertThatThrownBy(() -> new ReservationCap(0, 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ReservationCap(101, 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ReservationCap(50, -1)).isInstanceOf(IllegalArgumentException.class);
	}
}
