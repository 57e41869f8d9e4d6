package io.kamibot.pricing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.Orders;
import io.kamibot.pricing.CouponRefused.Reason;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Coupons taken when an order is placed and given back when it ends unpaid, exactly, under any concurrency. */
@CoreTest
class CouponsTest {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	Coupons coupons;

	@Autowired
	Orders orders;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Clock clock;

	@Test
	void aHundredBuyersAtOnceGetExactlyTheTenDiscountsOfATenUseCoupon() throws Exception {
		Sku sku = product(1000, 300, 50L);
		String code = coupon(new CouponDraft(20, null, null, null, null, null, 10, null));

		List<Callable<Object>> buyers = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String customer = "race-" + next.incrementAndGet();
			buyers.add(() -> {
				try {
					return orders.place(customer, sku, 1, null, code);
				}
				catch (CouponRefused e) {
					return e.reason();
				}
			});
		}
		List<Object> outcomes = runAll(buyers);

		List<Order> discounted = outcomes.stream().filter(Order.class::isInstance).map(Order.class::cast).toList();
		assertThat(discounted).hasSize(10).allSatisfy(o -> {
			assertThat(o.totalFen()).isEqualTo(800);
			assertThat(o.totalStars()).isEqualTo(40);
		});
		assertThat(outcomes).filteredOn(Reason.class::isInstance).hasSize(90).containsOnly(Reason.USED_UP);
		assertThat(coupons.find(code).orElseThrow().uses()).isEqualTo(10);
		assertThat(stock.levels(sku).reserved()).as("refused buyers left no order holding codes").isEqualTo(10);
	}

	@Test
	void oneBuyerPlacingFourOrdersAtOnceGetsOnlyTheirOwnTwoUses() throws Exception {
		Sku sku = product(1000, 100, null);
		String code = coupon(new CouponDraft(null, 300L, null, null, null, null, null, 2));
		String customer = "greedy-" + next.incrementAndGet();
		List<Callable<Object>> tries = new ArrayList<>();
		// Four: a fifth order within the minute would meet the risk rule on orders per customer first.
		for (int i = 0; i < 4; i++) {
			tries.add(() -> {
				try {
					return orders.place(customer, sku, 1, null, code);
				}
				catch (CouponRefused e) {
					return e.reason();
				}
			});
		}
		List<Object> outcomes = runAll(tries);
		assertThat(outcomes).filteredOn(Order.class::isInstance).hasSize(2)
			.allSatisfy(o -> assertThat(((Order) o).totalFen()).isEqualTo(700));
		assertThat(outcomes).filteredOn(Reason.class::isInstance).containsOnly(Reason.USED_UP_FOR_YOU);
		assertThat(coupons.find(code).orElseThrow().uses()).as("uses refused per customer went back").isEqualTo(2);
	}

	@Test
	void aCancelledOrExpiredOrderGivesItsUseBackOnce() {
		Sku sku = product(1000, 10, null);
		String code = coupon(new CouponDraft(10, null, null, null, null, null, 1, 1));
		Order first = orders.place("giver-" + next.incrementAndGet(), sku, 1, null, code);
		assertThat(first.totalFen()).isEqualTo(900);
		assertThat(coupons.use(first.orderNo()).orElseThrow().discountFen()).isEqualTo(100);
		assertThatThrownBy(() -> orders.place("other-" + next.incrementAndGet(), sku, 1, null, code))
			.isInstanceOfSatisfying(CouponRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.USED_UP));

		orders.cancel(first.orderNo(), first.customerId());
		await().atMost(java.time.Duration.ofSeconds(10)).until(() -> coupons.find(code).orElseThrow().uses() == 0);
		coupons.giveBack(first.orderNo());
		assertThat(coupons.find(code).orElseThrow().uses()).as("given back once").isZero();

		Order again = orders.place(first.customerId(), sku, 1, null, code);
		assertThat(again.totalFen()).as("the customer's own use came back too").isEqualTo(900);
	}

	@Test
	void refusesWithTheReasonAndLeavesNoOrderBehind() {
		Sku sku = product(1000, 2, null);
		Sku other = product(1000, 2, null);
		Instant now = clock.instant();
		String customer = "refused-" + next.incrementAndGet();
		expectRefused(sku, "NO-SUCH-COUPON", customer, Reason.UNKNOWN);
		expectRefused(sku, coupon(new CouponDraft(10, null, null, null, now.plus(1, ChronoUnit.DAYS), null, null, null)),
				customer, Reason.NOT_YET);
		expectRefused(sku, coupon(new CouponDraft(10, null, null, null, null, now.minusSeconds(1), null, null)),
				customer, Reason.ENDED);
		expectRefused(sku, coupon(new CouponDraft(10, null, null, List.of(other.value()), null, null, null, null)),
				customer, Reason.NOT_FOR_PRODUCT);
		expectRefused(sku, coupon(new CouponDraft(10, null, 5000L, null, null, null, null, null)), customer,
				Reason.BELOW_MINIMUM);
		assertThat(orders.history(customer, 10)).isEmpty();
		assertThat(stock.levels(sku).available()).isEqualTo(2);

		String plenty = coupon(new CouponDraft(50, null, null, null, null, null, 5, null));
		assertThatThrownBy(() -> orders.place("short-" + next.incrementAndGet(), sku, 3, null, plenty))
			.isInstanceOf(OutOfStock.class);
		assertThat(coupons.find(plenty).orElseThrow().uses()).as("no codes, no use").isZero();
	}

	@Test
	void takesNeverTheWholePriceAndChecksWhatAnAdminSets() {
		Sku sku = product(500, 2, 3L);
		Order order = orders.place("cheap-" + next.incrementAndGet(), sku, 1, null,
				coupon(new CouponDraft(null, 10_000L, null, null, null, null, null, null)));
		assertThat(order.totalFen()).as("at least one fen left").isEqualTo(1);
		assertThat(order.totalStars()).as("a fixed amount is in fen: Stars keep their price").isEqualTo(3);

		assertThatIllegalArgumentException().isThrownBy(() -> coupons.save("BOTH", new CouponDraft(10, 5L, null, null,
				null, null, null, null)));
		assertThatIllegalArgumentException().isThrownBy(() -> coupons.save("HUNDRED", new CouponDraft(100, null, null,
				null, null, null, null, null)));
		assertThatIllegalArgumentException().isThrownBy(() -> coupons.save("a b", new CouponDraft(10, null, null,
				null, null, null, null, null)));
		Coupon saved = coupons.save("keep-uses", new CouponDraft(10, null, null, null, null, null, 3, null));
		orders.place("keeper-" + next.incrementAndGet(), sku, 1, null, "Keep-Uses");
		assertThat(coupons.save("KEEP-USES", new CouponDraft(15, null, null, null, null, null, 4, null)).uses())
			.as("changing a coupon keeps its count").isEqualTo(1);
		assertThat(saved.code()).isEqualTo("KEEP-USES");
	}

	private void expectRefused(Sku sku, String code, String customer, Reason reason) {
		assertThatThrownBy(() -> orders.place(customer, sku, 1, null, code)).as(reason.name())
			.isInstanceOfSatisfying(CouponRefused.class, e -> assertThat(e.reason()).isEqualTo(reason));
	}

	private String coupon(CouponDraft draft) {
		return coupons.save("CPN" + next.incrementAndGet(), draft).code();
	}

	private Sku product(long priceFen, int codes, Long stars) {
		Sku sku = new Sku("CPN-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("Coupon card", null, null, priceFen, stars, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), codes)), "test");
		return sku;
	}

	private static List<Object> runAll(List<Callable<Object>> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> outcome : pool.invokeAll(work, 60, TimeUnit.SECONDS)) {
				outcomes.add(outcome.get());
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
