package io.kamibot.ordering;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderLifecycleTest {

	private final Instant now = Instant.parse("2026-11-22T04:00:00Z");

	@Test
	void anUnpaidOrderMayBePaidCancelledOrExpiredOnceItsTimeIsUp() {
		Order order = order(OrderStatus.AWAITING_PAYMENT, now.minusSeconds(1));
		assertThat(OrderLifecycle.next(order, OrderEvent.PAY, now)).isEqualTo(OrderStatus.PAID);
		assertThat(OrderLifecycle.next(order, OrderEvent.CANCEL, now)).isEqualTo(OrderStatus.CANCELLED);
		assertThat(OrderLifecycle.next(order, OrderEvent.EXPIRE, now)).isEqualTo(OrderStatus.EXPIRED);
	}

	@Test
	void refusesToExpireAnOrderBeforeItsDeadline() {
		Order order = order(OrderStatus.AWAITING_PAYMENT, now.plus(Duration.ofMinutes(3)));
		assertThatThrownBy(() -> OrderLifecycle.next(order, OrderEvent.EXPIRE, now))
			.isInstanceOf(IllegalOrderTransition.class)
			.hasMessageContaining("AWAITING_PAYMENT");
	}

	@Test
	void takesALatePaymentForAnExpiredOrder() {
		assertThat(OrderLifecycle.next(order(OrderStatus.EXPIRED, now), OrderEvent.PAY, now)).isEqualTo(OrderStatus.PAID);
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = { "CANCELLED", "REFUNDED", "DELIVERED", "PAID", "UNDER_REVIEW" })
	void refusesPaymentForAnOrderThatTakesNone(OrderStatus status) {
		assertThat(status.takesPayment()).isFalse();
		assertThatThrownBy(() -> OrderLifecycle.next(order(status, now), OrderEvent.PAY, now))
			.isInstanceOf(IllegalOrderTransition.class);
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = { "PAID", "DELIVERED", "AWAITING_STOCK", "UNDER_REVIEW", "REFUNDED" })
	void refusesToCancelAnOrderThatIsPaid(OrderStatus status) {
		if (status == OrderStatus.UNDER_REVIEW) {
			// An admin may reject a held order: that is a cancellation on purpose.
			assertThat(OrderLifecycle.next(order(status, now), OrderEvent.CANCEL, now)).isEqualTo(OrderStatus.CANCELLED);
			return;
		}
		assertThatThrownBy(() -> OrderLifecycle.next(order(status, now), OrderEvent.CANCEL, now))
			.isInstanceOf(IllegalOrderTransition.class);
	}

	@Test
	void deliversOnlyPaidOrders() {
		assertThat(OrderLifecycle.next(order(OrderStatus.PAID, now), OrderEvent.DELIVER, now)).isEqualTo(OrderStatus.DELIVERED);
		assertThat(OrderLifecycle.next(order(OrderStatus.AWAITING_STOCK, now), OrderEvent.DELIVER, now))
			.isEqualTo(OrderStatus.DELIVERED);
		assertThatThrownBy(() -> OrderLifecycle.next(order(OrderStatus.AWAITING_PAYMENT, now), OrderEvent.DELIVER, now))
			.isInstanceOf(IllegalOrderTransition.class);
		assertThatThrownBy(() -> OrderLifecycle.next(order(OrderStatus.DELIVERED, now), OrderEvent.PAY, now))
			.isInstanceOf(IllegalOrderTransition.class);
	}

	private static Order order(OrderStatus status, Instant payBefore) {
		return new Order("K261122ABCDEFGH", "c1", "SKU", "Title", 1, 100, null, status, payBefore, payBefore, null,
				null, null, null, payBefore, null);
	}
}
