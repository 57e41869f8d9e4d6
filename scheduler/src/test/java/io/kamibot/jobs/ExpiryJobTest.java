package io.kamibot.jobs;

import java.time.Duration;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The expiry job, run by Quartz on its schedule, expires an overdue order and frees its codes. */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@TestPropertySource(properties = "kamibot.jobs.expire-unpaid=* * * * * ?")
class ExpiryJobTest {

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	TestClock clock;

	@Test
	void expiresOverdueOrdersOnSchedule() {
		Sku sku = new Sku("JOB-1");
		catalog.save(sku, new ProductDraft("Job test", null, null, 100L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines("JOB-1", 1)), "test");
		Order order = orders.place("buyer", sku, 1);

		clock.advance(Duration.ofMinutes(16));

		await().atMost(Duration.ofSeconds(15))
			.until(() -> orders.find(order.orderNo()).orElseThrow().status(), equalTo(OrderStatus.EXPIRED));
		// The sweep puts the code back right after the order's move, on its own thread: waited for, not raced.
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stock.levels(sku).available()).isEqualTo(1));
	}
}
