package io.kamibot.resellers;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.PrepaidOrders;
import io.kamibot.pricing.PriceList;
import io.kamibot.pricing.Pricing;
import io.kamibot.pricing.QuantityTier;
import io.kamibot.stock.DatedCode;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import io.kamibot.wallet.EntryKind;
import io.kamibot.wallet.InsufficientBalance;
import io.kamibot.wallet.LedgerEntry;
import io.kamibot.wallet.Wallets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

@CoreTest
@RecordApplicationEvents
class BulkOrderTest {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	BulkOrders bulk;

	@Autowired
	Resellers resellers;

	@Autowired
	ResellerWallets resellerWallets;

	@Autowired
	Wallets wallets;

	@Autowired
	Catalog catalog;

	@Autowired
	Pricing pricing;

	@Autowired
	Stock stock;

	@Autowired
	PrepaidOrders prepaid;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	@Autowired
	Alerts alerts;

	@Autowired
	ApplicationEvents events;

	@Test
	void takesTheEarliestExpiringCodesAndDebitsTheLevelPriceLessTheTier() {
		Sku sku = product(1000, 0);
		pricing.setPrices(sku, new PriceList(sku.value(), Map.of("1", 800L), List.of(new QuantityTier(5, 10))));
		stock.importCodes(sku, Codes.stream("JUNE-1,2026-06-01\nJUNE-2,2026-06-01\nNEVER-1\nAPRIL-1,2026-04-01\n"
				+ "APRIL-2,2026-04-01\nAPRIL-3,2026-04-01\nNEVER-2\n"), "test");
		String reseller = reseller(1, 10_000);

		BulkReceipt receipt = bulk.order(reseller, sku, 5, "po-1", "test");

		assertThat(receipt.created()).isTrue();
		assertThat(receipt.order().amountFen()).isEqualTo(3_600); // 5 × 800 = 4000, 10 % off
		assertThat(receipt.codes()).extracting(DatedCode::code)
			.containsExactlyInAnyOrder("APRIL-1", "APRIL-2", "APRIL-3", "JUNE-1", "JUNE-2");
		assertThat(receipt.codes()).extracting(DatedCode::lastDay).contains(LocalDate.of(2026, 4, 1));
		assertThat(resellerWallets.balance(reseller).balanceFen()).isEqualTo(6_400);
		assertThat(prepaid.find(receipt.order().orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(stock.available(sku)).isEqualTo(2);
	}

	@Test
	void theSameReferenceReturnsTheSameOrderWithoutASecondDebit() {
		Sku sku = stocked(500, 10);
		String reseller = reseller(1, 10_000);
		BulkReceipt first = bulk.order(reseller, sku, 3, "same-ref", "test");
		BulkReceipt again = bulk.order(reseller, sku, 3, "same-ref", "test");

		assertThat(again.created()).isFalse();
		assertThat(again.order().orderNo()).isEqualTo(first.order().orderNo());
		assertThat(again.codes()).isEqualTo(first.codes());
		assertThat(resellerWallets.balance(reseller).balanceFen()).isEqualTo(10_000 - 1_500);
		assertThat(stock.available(sku)).isEqualTo(7);
		assertThatThrownBy(() -> bulk.order(reseller, sku, 4, "same-ref", "test")).isInstanceOf(RefReused.class);
		assertThatThrownBy(() -> bulk.order(reseller, sku, BulkOrders.MAX_QUANTITY + 1, "huge", "test"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void notEnoughStockChangesNothingAndTheReferenceStaysFree() {
		Sku sku = stocked(500, 4);
		String reseller = reseller(1, 10_000);

		assertThatThrownBy(() -> bulk.order(reseller, sku, 5, "short", "test"))
			.isInstanceOfSatisfying(OutOfStock.class, e -> assertThat(e.available()).isEqualTo(4));
		assertThat(stock.available(sku)).isEqualTo(4);
		assertThat(resellerWallets.balance(reseller).balanceFen()).isEqualTo(10_000);
		assertThat(mongo.count(Query.query(where("resellerId").is(reseller)), BulkOrder.class)).isZero();

		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value() + "-MORE", 1)), "test");
		assertThat(bulk.order(reseller, sku, 5, "short", "test").codes()).hasSize(5);
	}

	/** More codes than one database command moves (10,000): they are taken, sold and put back in several. */
	@Test
	void anOrderOfMoreCodesThanOneWriteMovesIsStillAllOrNothing() {
		Sku sku = stocked(1, 10_050);
		String poor = reseller(1, 10_049);
		assertThatThrownBy(() -> bulk.order(poor, sku, 10_050, "too-dear", "test"))
			.isInstanceOf(InsufficientBalance.class);
		assertThat(stock.available(sku)).as("all 10,050 reserved codes back on the shelf").isEqualTo(10_050);

		BulkReceipt receipt = bulk.order(reseller(1, 10_050), sku, 10_050, "all-of-it", "test");
		assertThat(receipt.codes()).hasSize(10_050);
		assertThat(receipt.codes().stream().map(DatedCode::code).distinct().count()).isEqualTo(10_050);
		assertThat(stock.available(sku)).isZero();
		assertThat(stock.levels(sku).sold()).isEqualTo(10_050);
	}

	@Test
	void notEnoughBalanceChangesNothing() {
		Sku sku = stocked(500, 10);
		String reseller = reseller(1, 1_000);

		assertThatThrownBy(() -> bulk.order(reseller, sku, 3, "poor", "test"))
			.isInstanceOfSatisfying(InsufficientBalance.class, e -> assertThat(e.balance().balanceFen()).isEqualTo(1_000));
		assertThat(stock.available(sku)).isEqualTo(10);
		assertThat(resellerWallets.balance(reseller).balanceFen()).isEqualTo(1_000);
		assertThat(wallets.entry("reseller:" + reseller, "poor")).isEmpty();
		assertThat(mongo.count(Query.query(where("resellerId").is(reseller)), BulkOrder.class)).isZero();
	}

	@Test
	void aPlacerThatDiedBeforeTheDebitIsFinishedByTheSameReference() {
		Sku sku = stocked(500, 5);
		String reseller = reseller(1, 10_000);
		BulkOrder crashed = diedAfterReserving(reseller, sku, 3, "crash-1");

		BulkReceipt receipt = bulk.order(reseller, sku, 3, "crash-1", "test");

		assertThat(receipt.created()).isFalse();
		assertThat(receipt.order().orderNo()).isEqualTo(crashed.orderNo());
		assertThat(receipt.codes()).hasSize(3);
		assertThat(resellerWallets.balance(reseller).balanceFen()).isEqualTo(8_500);
		assertThat(stock.available(sku)).isEqualTo(2);
	}

	@Test
	void theSweepUndoesAnOrderWhosePlacerDiedBeforeTheDebit() {
		Sku sku = stocked(500, 5);
		String reseller = reseller(1, 10_000);
		BulkOrder crashed = diedAfterReserving(reseller, sku, 3, "crash-2");
		assertThat(stock.available(sku)).isEqualTo(2);

		assertThat(bulk.recover()).isZero(); // too young: its placer may still be at work
		clock.advance(BulkOrders.ABANDONED.plusSeconds(1));
		assertThat(bulk.recover()).isEqualTo(1);

		assertThat(prepaid.find(crashed.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(stock.available(sku)).isEqualTo(5);
		assertThat(resellerWallets.balance(reseller).balanceFen()).isEqualTo(10_000);
		assertThat(mongo.count(Query.query(where("resellerId").is(reseller)), BulkOrder.class)).isZero();
	}

	@Test
	void theSweepFinishesAnOrderWhosePlacerDiedAfterTheDebit() {
		Sku sku = stocked(500, 5);
		String reseller = reseller(1, 10_000);
		BulkOrder crashed = diedAfterReserving(reseller, sku, 3, "crash-3");
		wallets.post("reseller:" + reseller, crashed.debitRef(), EntryKind.ORDER, -crashed.amountFen(), "crash");

		clock.advance(BulkOrders.ABANDONED.plusSeconds(1));
		assertThat(bulk.recover()).isEqualTo(1);
		assertThat(bulk.recover()).isZero();

		assertThat(prepaid.find(crashed.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(resellerWallets.balance(reseller).balanceFen()).isEqualTo(8_500);
		assertThat(bulk.find(reseller, "crash-3", "test")).hasValueSatisfying(r -> assertThat(r.codes()).hasSize(3));
	}

	@Test
	void aParentEarnsTheDifferenceToItsOwnPriceOnce() {
		Sku sku = product(1000, 0);
		pricing.setPrices(sku, new PriceList(sku.value(), Map.of("1", 800L, "2", 900L), null));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), 20)), "test");
		String parent = reseller(1, 0);
		String child = "child-" + next.incrementAndGet();
		resellers.save(child, new ResellerDraft("Child", 2, null, parent, null, null));
		resellerWallets.topUp(child, 100_000, "float", null);

		BulkReceipt receipt = bulk.order(child, sku, 10, "sub-1", "test");
		bulk.order(child, sku, 10, "sub-1", "test");

		assertThat(receipt.order().amountFen()).isEqualTo(9_000);
		assertThat(resellerWallets.balance(parent).balanceFen()).isEqualTo(1_000);
		assertThat(wallets.entry("reseller:" + parent, "commission:" + receipt.order().orderNo()))
			.hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(EntryKind.COMMISSION));
	}

	@Test
	void aBulkOrderThatDrainsAProductRaisesTheLowStockAlertAndALowBalanceTellsTheReseller() {
		Sku sku = product(100, 5);
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), 20)), "test");
		String reseller = reseller(1, 2_000);
		resellers.save(reseller, new ResellerDraft(null, null, null, null, null, 1_000L));

		bulk.order(reseller, sku, 16, "drain", "test");

		assertThat(alerts.recent(500)).anyMatch(a -> a.type() == AlertType.LOW_STOCK && a.arg(0).equals(sku.value()));
		assertThat(events.stream(ResellerBalanceLow.class).filter(e -> e.resellerId().equals(reseller)))
			.containsExactly(new ResellerBalanceLow(reseller, 400, 1_000));
		bulk.order(reseller, sku, 1, "more", "test");
		assertThat(events.stream(ResellerBalanceLow.class).filter(e -> e.resellerId().equals(reseller))).hasSize(1);
	}

	/** What a placer leaves when it dies after reserving the codes and before the debit. */
	private BulkOrder diedAfterReserving(String reseller, Sku sku, int quantity, String ref) {
		BulkOrder crashed = new BulkOrder(BulkOrder.idOf(reseller, ref), reseller, ref, prepaid.newNumber(),
				sku.value(), quantity, quantity * 500L, BulkState.PLACING, clock.instant(), null);
		mongo.insert(crashed);
		prepaid.place(crashed.orderNo(), "reseller:" + reseller, sku, quantity, crashed.amountFen());
		return crashed;
	}

	private Sku stocked(long priceFen, int codes) {
		Sku sku = product(priceFen, 0);
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), codes)), "test");
		return sku;
	}

	private Sku product(long priceFen, int lowStock) {
		Sku sku = new Sku("BULK-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft(sku.value() + " title", null, null, priceFen, null, true, 5, lowStock));
		return sku;
	}

	private String reseller(int level, long balanceFen) {
		String id = "r-" + next.incrementAndGet();
		resellers.save(id, new ResellerDraft("Reseller " + id, level, null, null, null, null));
		if (balanceFen > 0) {
			LedgerEntry entry = resellerWallets.topUp(id, balanceFen, "opening", null);
			assertThat(entry.applied()).isTrue();
		}
		return id;
	}
}
