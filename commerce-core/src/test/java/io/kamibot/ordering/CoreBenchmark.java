package io.kamibot.ordering;

import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.money.Money;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.Payments;
import io.kamibot.stock.Stock;
import io.kamibot.testing.CoreTest;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Throughput of the core against the raw MongoDB driver doing the same writes on the same in-process server
 * (memory backend). Prints numbers; asserts nothing about speed. Excluded from the normal build; run it with
 * {@code ./mvnw -pl commerce-core -am verify -Dgroups=benchmark -DexcludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CoreBenchmark}.
 */
@CoreTest
@Tag("benchmark")
class CoreBenchmark {

	private static final int IMPORTED = 50_000;
	private static final int ROUNDS = 3;
	private static final int PURCHASES = 2_000;
	private static final int THREADS = 8;
	private static final Date NEVER = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	MongoTemplate mongo;

	private final SecureRandom random = new SecureRandom();

	@Test
	void measure() throws Exception {
		// Purchases first: the embedded server scans collections, so they are measured on a small stock.
		report("purchases (place + pay + deliver), 1 thread", purchases(1), rawPurchases(1), PURCHASES);
		report("purchases (place + pay + deliver), " + THREADS + " threads", purchases(THREADS), rawPurchases(THREADS),
				PURCHASES);
		report("lifecycle decisions", lifecycle(), 0, 100_000);
		// Alternating rounds, best of each: one round is at the mercy of the garbage collector.
		long best = Long.MAX_VALUE;
		long bestRaw = Long.MAX_VALUE;
		for (int round = 0; round < ROUNDS; round++) {
			best = Math.min(best, importCodes(round));
			bestRaw = Math.min(bestRaw, rawImport(round));
		}
		report("code import (seal + hash + insert), best of " + ROUNDS, best, bestRaw, IMPORTED);
	}

	private long purchases(int threads) throws Exception {
		Sku sku = new Sku("BENCH-P" + threads);
		catalog.save(sku, new ProductDraft("Bench", null, null, 100L, null, true, 10, 0));
		StringBuilder codes = new StringBuilder();
		for (int i = 0; i < PURCHASES; i++) {
			codes.append(sku).append('-').append(i).append('\n');
		}
		stock.importCodes(sku, new ByteArrayInputStream(codes.toString().getBytes()), "bench");
		return timed(threads, i -> {
			Order order = orders.place("bench-" + i, sku, 1);
			payments.confirm(new PaymentConfirmation("bench", "tx-" + order.orderNo(), order.orderNo(), Money.fen(100)));
		});
	}

	private long rawPurchases(int threads) throws Exception {
		// One set of collections for all runs, as the shop has: collection sizes matter to a scanning server.
		MongoCollection<Document> stockItems = mongo.getCollection("raw_stock");
		MongoCollection<Document> rawOrders = mongo.getCollection("raw_orders");
		MongoCollection<Document> rawPayments = mongo.getCollection("raw_payments");
		MongoCollection<Document> rawDeliveries = mongo.getCollection("raw_deliveries");
		String sku = "RAW-" + threads;
		stockItems.createIndex(Indexes.ascending("lookup"), new IndexOptions().unique(true));
		List<Document> items = new ArrayList<>();
		for (int i = 0; i < PURCHASES; i++) {
			items.add(new Document("sku", sku).append("status", "AVAILABLE").append("lookup", sku + "-" + i)
				.append("cipher", new Binary(bytes(40))).append("expiresAt", null).append("sellBy", NEVER));
		}
		stockItems.insertMany(items);
		return timed(threads, i -> {
			String orderNo = "RAW" + threads + "-" + i;
			Date now = new Date();
			rawOrders.insertOne(new Document("_id", orderNo).append("status", "CREATED").append("sku", sku));
			stockItems.findOneAndUpdate(
					Filters.and(Filters.eq("sku", sku), Filters.eq("status", "AVAILABLE"), Filters.gt("sellBy", now)),
					Updates.combine(Updates.set("status", "RESERVED"), Updates.set("orderNo", orderNo),
							Updates.set("slot", 0)),
					new FindOneAndUpdateOptions().sort(Sorts.ascending("sellBy")));
			rawOrders.findOneAndUpdate(Filters.and(Filters.eq("_id", orderNo), Filters.eq("status", "CREATED")),
					Updates.set("status", "AWAITING_PAYMENT"));
			rawPayments.insertOne(new Document("_id", "bench:tx-" + orderNo).append("orderNo", orderNo));
			rawOrders.findOneAndUpdate(Filters.and(Filters.eq("_id", orderNo), Filters.eq("status", "AWAITING_PAYMENT")),
					Updates.combine(Updates.set("status", "PAID"), Updates.set("paidAt", now)));
			stockItems.updateMany(Filters.and(Filters.eq("orderNo", orderNo), Filters.eq("status", "RESERVED")),
					Updates.set("status", "SOLD"));
			rawDeliveries.insertOne(new Document("_id", orderNo).append("at", now));
			rawOrders.findOneAndUpdate(Filters.and(Filters.eq("_id", orderNo), Filters.eq("status", "PAID")),
					Updates.set("status", "DELIVERED"));
		});
	}

	private long lifecycle() {
		Order order = new Order("K261122ABCDEFGH", "c", "S", "t", 1, 1, null, OrderStatus.AWAITING_PAYMENT,
				Instant.now(), Instant.now(), null, null, null, null, Instant.now(), null, null);
		long start = System.nanoTime();
		for (int i = 0; i < 100_000; i++) {
			OrderLifecycle.next(order, OrderEvent.PAY, Instant.now());
		}
		return System.nanoTime() - start;
	}

	private long importCodes(int round) {
		Sku sku = new Sku("BENCH-IMPORT-" + round);
		catalog.save(sku, new ProductDraft("Bench import", null, null, 100L, null, true, 10, 0));
		StringBuilder codes = new StringBuilder(IMPORTED * 24);
		for (int i = 0; i < IMPORTED; i++) {
			codes.append("IMPORT-BENCH-").append(round).append('-').append(i).append('\n');
		}
		byte[] file = codes.toString().getBytes();
		long start = System.nanoTime();
		stock.importCodes(sku, new ByteArrayInputStream(file), "bench");
		return System.nanoTime() - start;
	}

	private long rawImport(int round) {
		MongoCollection<Document> raw = mongo.getCollection("raw_import");
		raw.createIndex(Indexes.ascending("lookup"), new IndexOptions().unique(true));
		long start = System.nanoTime();
		List<Document> batch = new ArrayList<>(1000);
		for (int i = 0; i < IMPORTED; i++) {
			batch.add(new Document("sku", "RAW").append("status", "AVAILABLE")
				.append("lookup", "raw-lookup-" + round + "-" + i)
				.append("keyId", "k").append("cipher", new Binary(bytes(45))).append("batchId", "b")
				.append("expiresAt", null).append("sellBy", NEVER).append("importedAt", new Date())
				.append("changedAt", new Date()));
			if (batch.size() == 1000) {
				raw.insertMany(batch, new InsertManyOptions().ordered(false));
				batch.clear();
			}
		}
		return System.nanoTime() - start;
	}

	private interface Step {

		void run(int i) throws Exception;
	}

	private static long timed(int threads, Step step) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<java.util.concurrent.Future<?>> done = new ArrayList<>();
		for (int i = 0; i < PURCHASES; i++) {
			int n = i;
			done.add(pool.submit(() -> {
				step.run(n);
				return null;
			}));
		}
		for (var future : done) {
			future.get(5, TimeUnit.MINUTES);
		}
		long elapsed = System.nanoTime() - start;
		pool.shutdown();
		return elapsed;
	}

	private byte[] bytes(int n) {
		byte[] b = new byte[n];
		random.nextBytes(b);
		return b;
	}

	private static void report(String what, long nanos, long rawNanos, int count) {
		double perSecond = count / (nanos / 1e9);
		if (rawNanos == 0) {
			System.out.printf("BENCH %-48s %9.0f/s  %8.1f µs each%n", what, perSecond, nanos / 1e3 / count);
			return;
		}
		double rawPerSecond = count / (rawNanos / 1e9);
		System.out.printf("BENCH %-48s %9.0f/s  raw driver %9.0f/s  kamibot/raw time ratio %.2f%n", what, perSecond,
				rawPerSecond, (double) nanos / rawNanos);
	}
}
