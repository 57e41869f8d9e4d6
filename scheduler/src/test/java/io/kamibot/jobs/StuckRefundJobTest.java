package io.kamibot.jobs;

import java.time.Duration;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentOutcome;
import io.kamibot.payment.Payments;
import io.kamibot.payment.TillProvider;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stuck-refund job, run by Quartz every second here, finishes a refund whose process died after the provider
 * returned the money, once the refund is older than the configured age.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@TestPropertySource(properties = { "kamibot.jobs.resolve-stuck-refunds=* * * * * ?",
		"kamibot.jobs.stuck-refund-age=5m" })
@Import(TillProvider.class)
class StuckRefundJobTest {

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	TillProvider till;

	@Autowired
	TestClock clock;

	@Test
	void refundsTheOrderWhoseRefundProcessDiedOnceTheRefundIsOldEnough() {
		Sku sku = new Sku("JOB-STUCK-1");
		catalog.save(sku, new ProductDraft("Stuck refund job", null, null, 400L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), 1)), "test");
		Order order = orders.place("buyer-" + sku.value(), sku, 1);
		assertThat(payments.confirm(till.charge(order, "A"))).isEqualTo(PaymentOutcome.ACCEPTED);
		till.dieAfterNextRefund();
		assertThatThrownBy(() -> payments.refund(order.orderNo(), "admin-api"))
			.isInstanceOf(TillProvider.ProcessDied.class);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);

		clock.advance(Duration.ofMinutes(6));

		await().atMost(Duration.ofSeconds(15)).until(() -> status(order), equalTo(OrderStatus.REFUNDED));
		assertThat(till.resumed(order)).isEqualTo(1);
		assertThat(till.refunded(order)).hasSize(1);
	}

	private OrderStatus status(Order order) {
		return orders.find(order.orderNo()).orElseThrow().status();
	}
}
