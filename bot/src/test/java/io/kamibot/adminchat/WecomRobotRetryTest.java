package io.kamibot.adminchat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WeCom robot that answers errcode 45009 (over its limit): alerts raised by real sales are retried and arrive
 * once, or are marked failed after the last attempt; the robot's key never reaches the logs. Real HTTP to a fake
 * robot on loopback; short retry delays so the test is quick.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@ExtendWith(OutputCaptureExtension.class)
class WecomRobotRetryTest {

	private static final String ROBOT_KEY = "secret-robot-key-" + ThreadLocalRandom.current().nextInt(1_000_000);
	private static final Duration WAIT = Duration.ofSeconds(15);
	private static final FakeWecomRobot robot = new FakeWecomRobot();

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Customers customers;

	@Autowired
	Alerts alerts;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		robot.start();
		registry.add("kamibot.admin.wecom-webhooks", () -> robot.webhook(ROBOT_KEY));
		registry.add("kamibot.alerts.retry-delay", () -> "100ms");
		registry.add("kamibot.alerts.max-attempts", () -> "4");
	}

	@AfterAll
	static void stop() {
		robot.close();
	}

	@Test
	void anAlertRefusedByTheRobotIsRetriedAndArrivesOnceAndTheKeyIsNeverLogged(CapturedOutput output) {
		robot.failNext(3);
		sellDownToThreshold("WC-RETRY");

		robot.await(r -> r.text().contains("WC-RETRY"), WAIT);
		// A later alert: the robot is sent to in the order raised, so once it is there a duplicate would be too.
		sellDownToThreshold("WC-MARK");
		robot.await(r -> r.text().contains("WC-MARK"), WAIT);
		assertThat(robot.received(r -> r.text().contains("WC-RETRY"))).hasSize(1);
		assertThat(robot.refused()).filteredOn(r -> r.text().contains("WC-RETRY")).hasSize(3)
			.allMatch(r -> r.errcode() == 45009);
		assertThat(output.getAll()).contains("errcode 45009");
		assertThat(output.getAll()).doesNotContain(ROBOT_KEY).doesNotContain(robot.webhook(ROBOT_KEY));
	}

	@Test
	void anAlertTheRobotKeepsRefusingIsMarkedFailedAndLoggedWithoutTheKey(CapturedOutput output) {
		await("the other test's alerts settled").atMost(WAIT)
			.until(() -> alerts.deliveryCounts().pending() == 0);
		long failedBefore = alerts.deliveryCounts().failed();
		robot.failNext(4);
		sellDownToThreshold("WC-FAIL");

		await().atMost(WAIT).until(() -> alerts.deliveryCounts().failed() > failedBefore);
		assertThat(alerts.deliveryCounts().failed()).isEqualTo(failedBefore + 1);
		assertThat(robot.refused()).filteredOn(r -> r.text().contains("WC-FAIL")).hasSize(4);
		assertThat(robot.received(r -> r.text().contains("WC-FAIL"))).isEmpty();
		assertThat(alerts.recent(10)).anyMatch(a -> a.args().contains("WC-FAIL"));
		assertThat(output.getAll()).contains("after 4 attempts");
		assertThat(output.getAll()).doesNotContain(ROBOT_KEY).doesNotContain(robot.webhook(ROBOT_KEY));
	}

	/** Two codes and a threshold of 1: the first sale raises one low-stock alert. */
	private void sellDownToThreshold(String name) {
		Sku sku = new Sku(name);
		catalog.save(sku, new ProductDraft(name + " 商品", "desc", null, 990L, null, true, 10, 1));
		stock.importCodes(sku, Codes.stream(Codes.lines(name + "-CODE", 2)), "test");
		orders.place(customers.identify(new ChannelIdentity("telegram", name)).id(), sku, 1);
	}
}
