package io.kamibot.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.resellers.BulkOrders;
import io.kamibot.resellers.BulkReceipt;
import io.kamibot.resellers.ResellerDraft;
import io.kamibot.resellers.ResellerWallets;
import io.kamibot.resellers.Resellers;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.wallet.InsufficientBalance;
import io.kamibot.wallet.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What resellers' wallets and bulk orders promise whatever MongoDB they run on: concurrent orders never overdraw a
 * wallet, the same reference sent at once from many places is one order and one debit, and the balance is always
 * the sum of the ledger's entries.
 */
abstract class ResellerContract {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	BulkOrders bulk;

	@Autowired
	Resellers resellers;

	@Autowired
	ResellerWallets wallets;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	MongoTemplate mongo;

	@Test
	void fiftyConcurrentOrdersAgainstABalanceForTenLetExactlyTenThrough() throws Exception {
		Sku sku = stocked(700, 60);
		String reseller = reseller(10 * 700);
		List<Boolean> results = concurrently(50, i -> {
			try {
				return bulk.order(reseller, sku, 1, "c-" + i, "test").codes().size() == 1;
			}
			catch (InsufficientBalance e) {
				return false;
			}
		});

		assertThat(results.stream().filter(Boolean::booleanValue)).hasSize(10);
		assertThat(wallets.balance(reseller).balanceFen()).isZero();
		assertThat(stock.available(sku)).isEqualTo(50);
		assertThat(stock.levels(sku).sold()).isEqualTo(10);
		assertThat(ledgerSum(reseller)).isEqualTo(wallets.balance(reseller).balanceFen());
	}

	@Test
	void theSameReferenceSentAtOnceIsOneOrderAndOneDebit() throws Exception {
		Sku sku = stocked(300, 20);
		String reseller = reseller(10_000);
		List<String> orders = concurrently(12, i -> {
			BulkReceipt receipt = bulk.order(reseller, sku, 5, "same", "test");
			assertThat(receipt.codes()).hasSize(5);
			return receipt.order().orderNo();
		});

		assertThat(orders).containsOnly(orders.get(0));
		assertThat(wallets.balance(reseller).balanceFen()).isEqualTo(10_000 - 1_500);
		assertThat(stock.available(sku)).isEqualTo(15);
		assertThat(ledgerSum(reseller)).isEqualTo(wallets.balance(reseller).balanceFen());
	}

	private long ledgerSum(String reseller) {
		return mongo.find(Query.query(where("walletId").is("reseller:" + reseller)), LedgerEntry.class).stream()
			.filter(LedgerEntry::applied)
			.mapToLong(LedgerEntry::amountFen)
			.sum();
	}

	private interface Attempt<T> {

		T run(int index) throws Exception;
	}

	private static <T> List<T> concurrently(int count, Attempt<T> attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit((Callable<T>) () -> {
					start.await();
					return attempt.run(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Sku stocked(long priceFen, int codes) {
		Sku sku = new Sku("RC-" + next.incrementAndGet() + "-" + System.nanoTime() % 10_000);
		catalog.save(sku, new ProductDraft(sku.value(), null, null, priceFen, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), codes)), "test");
		return sku;
	}

	private String reseller(long balanceFen) {
		String id = "rc-" + next.incrementAndGet() + "-" + System.nanoTime() % 10_000;
		resellers.save(id, new ResellerDraft(id, 1, null, null, null, null));
		wallets.topUp(id, balanceFen, "opening", null);
		return id;
	}
}
