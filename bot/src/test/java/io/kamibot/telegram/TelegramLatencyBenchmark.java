package io.kamibot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Time from a {@code successful_payment} being handed to the bot until the code message reaches the Bot API, over
 * 1,000 purchases against the fake server (long polling, in-process MongoDB-compatible server). Prints median and
 * p99; asserts nothing about speed. Run with {@code ./mvnw -pl bot -am verify -Dgroups=benchmark
 * -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -Dtest=TelegramLatencyBenchmark}.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@Tag("benchmark")
class TelegramLatencyBenchmark {

	private static final String TOKEN = "777:LATENCY";
	private static final int PURCHASES = 1_000;
	private static final FakeBotApi telegram = new FakeBotApi(TOKEN);

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Customers customers;

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) throws IOException {
		telegram.start();
		registry.add("kamibot.telegram.token", () -> TOKEN);
		registry.add("kamibot.telegram.api-url", telegram::url);
		registry.add("kamibot.telegram.poll-timeout", () -> "1s");
	}

	@AfterAll
	static void stop() {
		telegram.close();
	}

	@Test
	void measure() {
		Sku sku = new Sku("TG-LATENCY");
		catalog.save(sku, new ProductDraft("Latency", null, null, 100L, 1L, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines("LAT", PURCHASES)), "bench");
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < PURCHASES; i++) {
			long chat = 20_000 + i;
			String customer = customers.identify(new ChannelIdentity("telegram", String.valueOf(chat))).id();
			Order order = orders.place(customer, sku, 1);
			long pushed = System.nanoTime();
			telegram.push(telegram.successfulPayment(100_000 + i, chat, chat, "XTR", 1, order.orderNo(), "lat-" + i));
			FakeBotApi.Call sent = telegram.awaitCall("sendMessage",
					c -> String.valueOf(chat).equals(c.param("chat_id")) && "true".equals(c.param("protect_content")),
					Duration.ofSeconds(30));
			micros.add((sent.atNanos() - pushed) / 1_000);
		}
		Collections.sort(micros);
		System.out.printf("BENCH telegram successful_payment -> code message over %d purchases: median %.1f ms, "
				+ "p99 %.1f ms, max %.1f ms%n", PURCHASES, micros.get(PURCHASES / 2) / 1e3,
				micros.get(PURCHASES * 99 / 100) / 1e3, micros.get(PURCHASES - 1) / 1e3);
	}
}
