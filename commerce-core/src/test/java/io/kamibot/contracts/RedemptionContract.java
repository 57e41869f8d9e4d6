package io.kamibot.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Issuer;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.delivery.Deliveries;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.Payments;
import io.kamibot.payment.RefundOutcome;
import io.kamibot.redemption.Redeemer;
import io.kamibot.redemption.RedeemerDraft;
import io.kamibot.redemption.Redeemers;
import io.kamibot.redemption.Redemptions;
import io.kamibot.stock.CodesRedeemed;
import io.kamibot.stock.Redemption.Outcome;
import io.kamibot.stock.Vouchers;
import io.kamibot.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What redemption promises whatever MongoDB it runs on: a sold own voucher is redeemed exactly once however many
 * redeem it at once, and a refund racing its redemptions either takes the code back (and none redeems it) or is
 * refused (and one redeems it), never both.
 */
abstract class RedemptionContract {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	Catalog catalog;

	@Autowired
	Vouchers vouchers;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	Deliveries deliveries;

	@Autowired
	Redeemers redeemers;

	@Autowired
	Redemptions redemptions;

	@Test
	void exactlyOneOf200ConcurrentRedemptionsOfOneCodeWins() throws Exception {
		Sku sku = ownProduct();
		Redeemer counter = redeemer(sku);
		Sold sold = buy(sku);
		List<Callable<Object>> racers = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			racers.add(() -> redemptions.redeem(counter, sold.code(), "api").outcome());
		}

		List<Object> outcomes = race(racers);

		assertThat(outcomes).filteredOn(o -> o == Outcome.REDEEMED).hasSize(1);
		assertThat(outcomes).filteredOn(o -> o == Outcome.ALREADY_REDEEMED).hasSize(199);
	}

	@Test
	void aRefundRacingRedemptionsEitherTakesTheCodeBackOrIsRefused() throws Exception {
		Sku sku = ownProduct();
		Redeemer counter = redeemer(sku);
		for (int round = 0; round < 5; round++) {
			Sold sold = buy(sku);
			List<Callable<Object>> racers = new ArrayList<>();
			racers.add(() -> {
				try {
					return payments.refund(sold.orderNo(), "admin:contract");
				}
				catch (CodesRedeemed e) {
					return e;
				}
			});
			for (int i = 0; i < 20; i++) {
				racers.add(() -> redemptions.redeem(counter, sold.code(), "api").outcome());
			}

			List<Object> outcomes = race(racers);

			long redeemed = outcomes.stream().filter(o -> o == Outcome.REDEEMED).count();
			if (outcomes.get(0) == RefundOutcome.REFUNDED) {
				assertThat(redeemed).isZero();
				assertThat(redemptions.check(counter, sold.code()).outcome()).isEqualTo(Outcome.REFUNDED);
			}
			else {
				assertThat(outcomes.get(0)).isInstanceOf(CodesRedeemed.class);
				assertThat(redeemed).isEqualTo(1);
				assertThat(orders.find(sold.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
			}
		}
	}

	private static List<Object> race(List<Callable<Object>> racers) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(racers.size());
		try {
			List<Future<Object>> results = new ArrayList<>();
			for (Callable<Object> racer : racers) {
				results.add(threads.submit(() -> {
					start.await();
					return racer.call();
				}));
			}
			start.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> result : results) {
				outcomes.add(result.get(60, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private Sku ownProduct() {
		Sku sku = new Sku("OWN-C-" + next.incrementAndGet() + "-" + System.nanoTime() % 10_000);
		catalog.save(sku, new ProductDraft("Coffee card", null, null, 100L, null, true, 10, 0, Issuer.SHOP));
		vouchers.generate(sku, 10, 16, null, "contract");
		return sku;
	}

	private Redeemer redeemer(Sku sku) {
		return redeemers.save("RC-" + next.incrementAndGet() + "-" + System.nanoTime() % 10_000,
				new RedeemerDraft("Counter", List.of(sku.value())));
	}

	private Sold buy(Sku sku) {
		String customer = "contract-buyer-" + next.incrementAndGet();
		Order order = orders.place(customer, sku, 1);
		payments.start(order.orderNo(), customer, "sandbox", "webchat");
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		return new Sold(order.orderNo(), deliveries.reveal(order.orderNo(), customer, "webchat").get(0));
	}

	private record Sold(String orderNo, String code) {
	}
}
