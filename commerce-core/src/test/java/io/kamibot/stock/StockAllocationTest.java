package io.kamibot.stock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.kamibot.testing.Codes.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CoreTest
class StockAllocationTest {

	private static int next;

	@Autowired
	Stock stock;

	@Autowired
	Catalog catalog;

	@Autowired
	TestClock clock;

	private Sku sku;
	private LocalDate today;

	@BeforeEach
	void product() {
		sku = new Sku("ALLOC-" + next++);
		catalog.save(sku, new ProductDraft("Allocation test", null, null, 100L, null, true, 10, 0));
		today = LocalDate.ofInstant(clock.instant(), clock.getZone());
	}

	@Test
	void sellsTheEarliestExpiringCodeFirstAndNeverExpiringOnesLast() {
		load("NEVER", "LATE," + today.plusDays(20), "SOON," + today.plusDays(2));
		for (String order : new String[] { "O1", "O2", "O3" }) {
			stock.reserve(sku, my(order), 1);
			stock.sell(sku, my(order), 1);
		}
		assertThat(stock.reveal(my("O1"))).containsExactly(my("SOON"));
		assertThat(stock.reveal(my("O2"))).containsExactly(my("LATE"));
		assertThat(stock.reveal(my("O3"))).containsExactly(my("NEVER"));
	}

	@Test
	void neverHandsOutAnExpiredCode() {
		load("SHORT," + today);
		clock.advance(Duration.ofDays(2));
		assertThat(stock.levels(sku).available()).isZero();
		assertThat(stock.levels(sku).expired()).isEqualTo(1);
		assertThatThrownBy(() -> stock.reserve(sku, my("O4"), 1)).isInstanceOf(OutOfStock.class);
		assertThat(stock.sell(sku, my("O4"), 1)).isZero();
	}

	@Test
	void reservesAllOrNothing() {
		load("A", "B");
		assertThatThrownBy(() -> stock.reserve(sku, my("BIG"), 3)).isInstanceOf(OutOfStock.class);
		assertThat(stock.levels(sku)).isEqualTo(new StockLevels(2, 0, 0, 0));
	}

	@Test
	void releasingPutsReservedCodesBackButNotSoldOnes() {
		load("A", "B", "C");
		stock.reserve(sku, my("R1"), 2);
		stock.reserve(sku, my("R2"), 1);
		stock.sell(sku, my("R2"), 1);
		assertThat(stock.release(my("R1"))).isEqualTo(2);
		assertThat(stock.release(my("R2"))).isZero();
		assertThat(stock.levels(sku)).isEqualTo(new StockLevels(2, 0, 1, 0));
	}

	@Test
	void sellingTwiceTakesNoMoreCodesThanBought() {
		load("A", "B", "C", "D");
		stock.reserve(sku, my("S1"), 2);
		assertThat(stock.sell(sku, my("S1"), 2)).isEqualTo(2);
		assertThat(stock.sell(sku, my("S1"), 2)).isEqualTo(2);
		assertThat(stock.levels(sku).sold()).isEqualTo(2);
	}

	@Test
	void aLatePaymentTakesFreshCodesWhenTheReservationWasReleased() {
		load("A", "B");
		stock.reserve(sku, my("LATE"), 2);
		stock.release(my("LATE"));
		assertThat(stock.sell(sku, my("LATE"), 2)).isEqualTo(2);
		assertThat(stock.reveal(my("LATE"))).hasSize(2).doesNotHaveDuplicates();
	}

	/** Codes and order numbers are global, so each test's carry its product's name. */
	private String my(String name) {
		return sku + "-" + name;
	}

	private void load(String... lines) {
		stock.importCodes(sku, stream(Arrays.stream(lines).map(this::my).collect(Collectors.joining("\n"))), "t");
	}
}
