package io.kamibot.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

@CoreTest
class WalletTest {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	Wallets wallets;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	@Test
	void theSameReferenceTwiceChangesNothing() {
		String wallet = wallet();
		LedgerEntry first = wallets.post(wallet, "topup-1", EntryKind.TOP_UP, 10_000, "first");
		LedgerEntry again = wallets.post(wallet, "topup-1", EntryKind.TOP_UP, 99_999, "again");

		assertThat(again).isEqualTo(first);
		assertThat(wallets.balance(wallet).balanceFen()).isEqualTo(10_000);
		assertThat(entries(wallet)).hasSize(1);
	}

	@Test
	void refusesADebitPastTheCreditLimitWholeAndRecordsNothing() {
		String wallet = wallet();
		wallets.setCreditLimit(wallet, 500);
		wallets.post(wallet, "in", EntryKind.TOP_UP, 1_000, null);

		assertThatThrownBy(() -> wallets.post(wallet, "too-much", EntryKind.ORDER, -1_501, null))
			.isInstanceOfSatisfying(InsufficientBalance.class, e -> {
				assertThat(e.balance().balanceFen()).isEqualTo(1_000);
				assertThat(e.requestedFen()).isEqualTo(1_501);
			});
		assertThat(wallets.balance(wallet).balanceFen()).isEqualTo(1_000);
		assertThat(wallets.entry(wallet, "too-much")).isEmpty();

		LedgerEntry exact = wallets.post(wallet, "exact", EntryKind.ORDER, -1_500, null);
		assertThat(exact.balanceAfterFen()).isEqualTo(-500);
		// The refused reference is free again once the money is there.
		wallets.post(wallet, "more", EntryKind.TOP_UP, 2_000, null);
		assertThat(wallets.post(wallet, "too-much", EntryKind.ORDER, -1_501, null).balanceAfterFen()).isEqualTo(-1);
	}

	@Test
	void fiftyConcurrentDebitsAgainstABalanceForTenLetExactlyTenThrough() throws Exception {
		String wallet = wallet();
		wallets.post(wallet, "float", EntryKind.TOP_UP, 10 * 700, null);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 50; i++) {
				String ref = "order-" + i;
				results.add(pool.submit((Callable<Boolean>) () -> {
					start.await();
					try {
						wallets.post(wallet, ref, EntryKind.ORDER, -700, null);
						return true;
					}
					catch (InsufficientBalance e) {
						return false;
					}
				}));
			}
			start.countDown();
			int through = 0;
			for (Future<Boolean> result : results) {
				through += result.get() ? 1 : 0;
			}
			assertThat(through).isEqualTo(10);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(wallets.balance(wallet).balanceFen()).isZero();
		assertThat(entries(wallet)).hasSize(11).allMatch(LedgerEntry::applied);
		assertThat(entries(wallet).stream().mapToLong(LedgerEntry::amountFen).sum()).isZero();
	}

	@Test
	void concurrentPostsOfOneReferenceApplyItOnce() throws Exception {
		String wallet = wallet();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<LedgerEntry>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 16; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return wallets.post(wallet, "same", EntryKind.TOP_UP, 300, null);
				}));
				results.add(pool.submit(() -> {
					start.await();
					return wallets.post(wallet, "other-" + Thread.currentThread().getId() + "-" + next.incrementAndGet(),
							EntryKind.TOP_UP, 1, null);
				}));
			}
			start.countDown();
			for (Future<LedgerEntry> result : results) {
				assertThat(result.get().applied()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(wallets.balance(wallet).balanceFen()).isEqualTo(300 + 16);
		assertThat(entries(wallet).stream().filter(e -> e.ref().equals("same"))).hasSize(1);
		assertThat(entries(wallet).stream().mapToLong(LedgerEntry::amountFen).sum()).isEqualTo(316);
	}

	@Test
	void anEntryAppliedByAPosterThatDiedIsSettledByTheNextReader() {
		String wallet = wallet();
		wallets.post(wallet, "a", EntryKind.TOP_UP, 100, null);
		// What a poster leaves when it dies right after moving the balance: the entry still says pending.
		mongo.updateFirst(Query.query(where("_id").is(LedgerEntry.idOf(wallet, "a"))),
				org.springframework.data.mongodb.core.query.Update.update("state", EntryState.PENDING),
				LedgerEntry.class);

		assertThat(wallets.entry(wallet, "a")).hasValueSatisfying(e -> assertThat(e.applied()).isTrue());
		assertThat(wallets.post(wallet, "a", EntryKind.TOP_UP, 100, null).balanceAfterFen()).isEqualTo(100);
		assertThat(wallets.balance(wallet).balanceFen()).isEqualTo(100);
	}

	@Test
	void aStatementListsTheAppliedEntriesOfAPeriodInOrder() {
		String wallet = wallet();
		wallets.post(wallet, "one", EntryKind.TOP_UP, 100, null);
		clock.advance(java.time.Duration.ofDays(40));
		wallets.post(wallet, "two", EntryKind.ORDER, -30, null);

		List<LedgerEntry> later = wallets.statement(wallet, TestClock.START.plus(java.time.Duration.ofDays(1)),
				clock.instant().plusSeconds(1));
		assertThat(later).extracting(LedgerEntry::ref).containsExactly("two");
		assertThat(later.get(0).balanceAfterFen()).isEqualTo(70);
	}

	@Test
	void refusesAMalformedReference() {
		assertThatThrownBy(() -> wallets.post(wallet(), "has space", EntryKind.TOP_UP, 1, null))
			.isInstanceOf(InvalidReference.class);
	}

	private List<LedgerEntry> entries(String wallet) {
		return mongo.find(Query.query(where("walletId").is(wallet)), LedgerEntry.class);
	}

	private static String wallet() {
		return "test:" + next.incrementAndGet();
	}
}
