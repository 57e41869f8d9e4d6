package io.kamibot.ordering;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.delivery.Deliveries;
import io.kamibot.money.Money;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentOutcome;
import io.kamibot.payment.NotRefundable;
import io.kamibot.payment.Payments;
import io.kamibot.payment.RefundOutcome;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.Stock;
import io.kamibot.stock.StockLevels;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whole purchases through the core: place, pay, deliver, and the ways they can go wrong. The races and the expiry
 * are contracts run against the embedded store and real MongoDB alike: {@code io.kamibot.contracts.PurchaseContract}.
 */
@CoreTest
class PurchaseTest {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	Catalog catalog;

	@Autowired
	OrderTransitions transitions;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	Deliveries deliveries;

	@Autowired
	TestClock clock;

	@Test
	void deliversThePaidCodesToTheBuyer() {
		Sku sku = product(3);
		Order order = orders.place("alice", sku, 2);
		assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(order.totalFen()).isEqualTo(2 * 990);

		PaymentInstructions paid = payments.start(order.orderNo(), "alice", "sandbox", "webchat");

		assertThat(paid).isEqualTo(new PaymentInstructions.Completed(PaymentOutcome.ACCEPTED));
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(deliveries.reveal(order.orderNo(), "alice", "webchat")).hasSize(2)
			.allMatch(code -> code.startsWith(sku + "-"));
		assertThat(stock.levels(sku)).isEqualTo(new StockLevels(1, 0, 2, 0));
	}

	@Test
	void holdsAPaymentThatDoesNotMatchAndDeliversNothing() {
		Sku sku = product(2);
		Order order = orders.place("carol", sku, 1);
		PaymentOutcome outcome = payments.confirm(new PaymentConfirmation("sandbox", "tx-short-" + order.orderNo(),
				order.orderNo(), Money.fen(order.totalFen() - 1)));
		assertThat(outcome).isEqualTo(PaymentOutcome.MISMATCH);
		Order held = orders.find(order.orderNo()).orElseThrow();
		assertThat(held.status()).isEqualTo(OrderStatus.UNDER_REVIEW);
		assertThat(held.holdReason()).contains("does not match");
		assertThat(stock.levels(sku).sold()).isZero();
	}

	@Test
	void theBuyerCannotCancelAnOrderHeldForReview() {
		Sku sku = product(2);
		Order order = orders.place("carla", sku, 1);
		payments.confirm(new PaymentConfirmation("sandbox", "tx-held-" + order.orderNo(), order.orderNo(),
				Money.fen(order.totalFen() - 1)));
		assertThatThrownBy(() -> orders.cancel(order.orderNo(), "carla")).isInstanceOf(IllegalOrderTransition.class)
			.hasMessageContaining("UNDER_REVIEW");
		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.UNDER_REVIEW);
		assertThat(transitions.cancelHeld(orders.find(order.orderNo()).orElseThrow())).isTrue();
		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(stock.levels(sku).available()).isEqualTo(2);
	}

	@Test
	void refusesAPaymentInACurrencyTheOrderCannotBePaidIn() {
		Sku sku = product(2);
		Order order = orders.place("dave", sku, 1);
		PaymentOutcome outcome = payments.confirm(
				new PaymentConfirmation("stars", "charge-" + order.orderNo(), order.orderNo(), Money.stars(990)));
		assertThat(outcome).isEqualTo(PaymentOutcome.MISMATCH);
		assertThat(stock.levels(sku).sold()).isZero();
	}

	@Test
	void aPaymentArrivingAfterExpiryStillDeliversWhenStockAllows() {
		Sku sku = product(1);
		Order order = orders.place("frank", sku, 1);
		clock.advance(Duration.ofMinutes(16));
		orders.expireOverdue();
		assertThat(payments.confirm(new PaymentConfirmation("sandbox", "late-" + order.orderNo(), order.orderNo(),
				Money.fen(order.totalFen())))).isEqualTo(PaymentOutcome.ACCEPTED);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
	}

	@Test
	void aPaidOrderWithoutStockWaitsAndIsDeliveredWhenStockArrives() {
		Sku sku = product(1);
		Order order = orders.place("gina", sku, 1);
		clock.advance(Duration.ofMinutes(16));
		orders.expireOverdue();
		orders.place("henry", sku, 1);
		payments.confirm(new PaymentConfirmation("sandbox", "late-" + order.orderNo(), order.orderNo(),
				Money.fen(order.totalFen())));
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.AWAITING_STOCK);

		stock.importCodes(sku, Codes.stream(sku + "-RESTOCK\n"), "test");

		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(deliveries.reveal(order.orderNo(), "gina", "webchat")).containsExactly(sku + "-RESTOCK");
	}

	@Test
	void cancellingReleasesTheCodesAndOnlyTheOwnerMayCancel() {
		Sku sku = product(1);
		Order order = orders.place("ivan", sku, 1);
		assertThatThrownBy(() -> orders.cancel(order.orderNo(), "mallory")).isInstanceOf(OrderNotFound.class);
		orders.cancel(order.orderNo(), "ivan");
		assertThat(stock.levels(sku).available()).isEqualTo(1);
		assertThatThrownBy(() -> orders.cancel(order.orderNo(), "ivan")).isInstanceOf(IllegalOrderTransition.class);
	}

	@Test
	void refusesBadQuantitiesAndPausedProducts() {
		Sku sku = product(5);
		assertThatThrownBy(() -> orders.place("judy", sku, 0)).isInstanceOf(InvalidQuantity.class);
		assertThatThrownBy(() -> orders.place("judy", sku, 11)).isInstanceOf(InvalidQuantity.class);
		catalog.save(sku, new ProductDraft(null, null, null, null, null, false, null, null));
		assertThatThrownBy(() -> orders.place("judy", sku, 1)).isInstanceOf(ProductUnavailable.class);
		assertThat(stock.levels(sku).reserved()).isZero();
	}

	@Test
	void onlyTheBuyerSeesTheCodes() {
		Sku sku = product(1);
		Order order = orders.place("kim", sku, 1);
		payments.start(order.orderNo(), "kim", "sandbox", "webchat");
		assertThatThrownBy(() -> deliveries.reveal(order.orderNo(), "mallory", "webchat"))
			.isInstanceOf(OrderNotFound.class);
	}

	@Test
	void refundsAPaidOrderOnceAndRefusesUnpaidOnes() {
		Sku sku = product(2);
		Order paid = orders.place("lena", sku, 1);
		payments.start(paid.orderNo(), "lena", "sandbox", "webchat");
		Order unpaid = orders.place("lena", sku, 1);

		assertThat(payments.refund(paid.orderNo(), "test")).isEqualTo(RefundOutcome.REFUNDED);
		assertThat(payments.refund(paid.orderNo(), "test")).isEqualTo(RefundOutcome.ALREADY_REFUNDED);
		Order refunded = orders.find(paid.orderNo()).orElseThrow();
		assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(refunded.refundedAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS));
		assertThatThrownBy(() -> payments.refund(unpaid.orderNo(), "test")).isInstanceOf(NotRefundable.class);
	}

	private Sku product(int codes) {
		Sku sku = new Sku("BUY-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("Test product", null, null, 990L, 50L, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), codes)), "test");
		return sku;
	}
}
