package io.kamibot.redemption;

import java.time.Duration;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.audit.AuditLog;
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
import io.kamibot.reporting.DailyReports;
import io.kamibot.stock.CodesRedeemed;
import io.kamibot.stock.GeneratedBatch;
import io.kamibot.stock.NotOwnVoucher;
import io.kamibot.stock.Redemption;
import io.kamibot.stock.Redemption.Outcome;
import io.kamibot.stock.Stock;
import io.kamibot.stock.VoucherCode;
import io.kamibot.stock.Vouchers;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.TestClock;
import io.kamibot.vault.Sealed;
import io.kamibot.vault.Vault;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Own vouchers from generation to redemption, through the real core: generated, bought, paid, redeemed, refunded. */
@CoreTest
class RedemptionTest {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	Catalog catalog;

	@Autowired
	Vouchers vouchers;

	@Autowired
	Stock stock;

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

	@Autowired
	Alerts alerts;

	@Autowired
	AuditLog audit;

	@Autowired
	DailyReports reports;

	@Autowired
	TestClock clock;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Vault vault;

	@Test
	void generatesTheCountAskedForAndAnswersWithTheBatchNotTheCodes() {
		Sku sku = ownProduct();

		GeneratedBatch batch = vouchers.generate(sku, 2500, 16, LocalDate.of(2027, 6, 30), "test");

		assertThat(batch.count()).isEqualTo(2500);
		assertThat(batch.toString()).doesNotContainPattern("[2-9A-Z]{4}-[2-9A-Z]{4}");
		assertThat(stock.available(sku)).isEqualTo(2500);
		Sku imported = new Sku("IMPORTED-" + next.incrementAndGet());
		catalog.save(imported, new ProductDraft("Imported", null, null, 100L, null, true, 10, 0));
		assertThatThrownBy(() -> vouchers.generate(imported, 1, 16, null, "test")).isInstanceOf(NotOwnVoucher.class);
		assertThatThrownBy(() -> vouchers.generate(sku, 1, 16, LocalDate.of(2020, 1, 1), "test"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void redeemsASoldCodeOnceAndThenSaysWhenAndByWhom() {
		Sku sku = ownProduct();
		vouchers.generate(sku, 3, 16, null, "test");
		Redeemer counter = redeemer(sku);
		Sold sold = buy(sku);

		Redemption check = redemptions.check(counter, sold.code());
		Redemption first = redemptions.redeem(counter, sold.code().toLowerCase().replace("-", " "), "api");
		Redemption second = redemptions.redeem(counter, sold.code(), "api");

		assertThat(check.outcome()).isEqualTo(Outcome.REDEEMABLE);
		assertThat(first.outcome()).isEqualTo(Outcome.REDEEMED);
		assertThat(first.sku()).isEqualTo(sku.value());
		assertThat(first.orderNo()).isEqualTo(sold.orderNo());
		assertThat(second.outcome()).isEqualTo(Outcome.ALREADY_REDEEMED);
		assertThat(second.redeemedAt()).isEqualTo(first.redeemedAt());
		assertThat(second.redeemer()).isEqualTo(counter.id());
		assertThat(vouchers.redeemedOf(sold.orderNo())).containsExactly(first.redeemedAt());
		await().atMost(Duration.ofSeconds(10)).until(() -> audit.read("code.redeem", sold.orderNo(), null, 10).size(),
				n -> n > 0);
		assertThat(audit.read("code.redeem", sold.orderNo(), null, 10)).singleElement()
			.satisfies(e -> assertThat(e.detail()).doesNotContain(sold.code()).contains(sku.value()));
		assertThat(reports.today().redeemed()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void tellsMistypedUnknownUnsoldAndForbiddenCodesApart() {
		Sku sku = ownProduct();
		Sku other = ownProduct();
		vouchers.generate(sku, 3, 16, null, "test");
		vouchers.generate(other, 1, 16, null, "test");
		Redeemer counter = redeemer(sku);
		Sold sold = buy(sku);
		Sold elsewhere = buy(other);
		char last = sold.code().charAt(sold.code().length() - 1);
		String mistyped = sold.code().substring(0, sold.code().length() - 1) + (last == '2' ? '3' : '2');
		String unknown = anotherValidCode();

		assertThat(redemptions.redeem(counter, mistyped, "api").outcome()).isEqualTo(Outcome.MISTYPED);
		assertThat(redemptions.redeem(counter, unknown, "api").outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(redemptions.redeem(counter, elsewhere.code(), "api").outcome()).isEqualTo(Outcome.NOT_ALLOWED);
		assertThat(redemptions.check(counter, sold.code()).outcome()).isEqualTo(Outcome.REDEEMABLE);
	}

	@Test
	void aCodeStillInStockIsNotSoldAndAnExpiredOneIsExpired() {
		Sku sku = ownProduct();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
		vouchers.generate(sku, 2, 16, today, "test");
		Redeemer counter = redeemer(sku);
		Sold sold = buy(sku);
		String onTheShelf = codeInStock(sku);

		assertThat(redemptions.redeem(counter, onTheShelf, "api").outcome()).isEqualTo(Outcome.NOT_SOLD);
		clock.advance(Duration.ofDays(2));
		assertThat(redemptions.redeem(counter, sold.code(), "api").outcome()).isEqualTo(Outcome.EXPIRED);
		assertThat(redemptions.check(counter, sold.code()).outcome()).isEqualTo(Outcome.EXPIRED);
	}

	@Test
	void aRacedCodeHasOneAuditEntry() throws Exception {
		Sku sku = ownProduct();
		vouchers.generate(sku, 2, 16, null, "test");
		Redeemer counter = redeemer(sku);
		Sold sold = buy(sku);
		ExecutorService threads = Executors.newFixedThreadPool(50);
		try {
			List<Future<Redemption>> results = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				results.add(threads.submit(() -> redemptions.redeem(counter, sold.code(), "api")));
			}
			for (Future<Redemption> result : results) {
				result.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		// A later redemption as the marker: audit entries are written in order, so a second entry of the raced
		// code would be there by the time the marker's is.
		Sold marker = buy(sku);
		redemptions.redeem(counter, marker.code(), "api");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> audit.read("code.redeem", marker.orderNo(), null, 10).size(), n -> n == 1);
		assertThat(audit.read("code.redeem", sold.orderNo(), null, 10)).hasSize(1);
	}

	@Test
	void aRedeemedOrderIsNotRefundedUnlessAnAdminOverridesIt() {
		Sku sku = ownProduct();
		vouchers.generate(sku, 2, 16, null, "test");
		Redeemer counter = redeemer(sku);
		Sold used = buy(sku);
		Sold unused = buy(sku);
		redemptions.redeem(counter, used.code(), "api");

		assertThatThrownBy(() -> payments.refund(used.orderNo(), "admin:test")).isInstanceOf(CodesRedeemed.class);
		assertThat(orders.find(used.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(payments.refund(unused.orderNo(), "admin:test")).isEqualTo(RefundOutcome.REFUNDED);
		assertThat(redemptions.redeem(counter, unused.code(), "api").outcome()).isEqualTo(Outcome.REFUNDED);
		assertThat(payments.refund(used.orderNo(), "admin:test", true)).isEqualTo(RefundOutcome.REFUNDED);
		assertThat(redemptions.check(counter, used.code()).outcome()).isEqualTo(Outcome.ALREADY_REDEEMED);
	}

	@Test
	void guessingIsRefusedPastTheMissesAllowedAndAlertedOnce() {
		Sku sku = ownProduct();
		vouchers.generate(sku, 1, 16, null, "test");
		Redeemer guesser = redeemer(sku);
		Sold sold = buy(sku);
		for (int i = 0; i < 20; i++) {
			assertThat(redemptions.redeem(guesser, anotherValidCode(), "api").outcome()).isEqualTo(Outcome.UNKNOWN);
		}

		assertThatThrownBy(() -> redemptions.redeem(guesser, anotherValidCode(), "api"))
			.isInstanceOf(TooManyMisses.class);
		assertThatThrownBy(() -> redemptions.redeem(guesser, sold.code(), "api")).isInstanceOf(TooManyMisses.class);
		assertThat(alerts.recent(50).stream()
			.filter(a -> a.type() == AlertType.REDEMPTION_GUESSING && a.arg(0).equals(guesser.id()))).hasSize(1);
		assertThat(redemptions.check(redeemer(sku), sold.code()).outcome()).isEqualTo(Outcome.REDEEMABLE);
	}

	private Sku ownProduct() {
		Sku sku = new Sku("OWN-" + next.incrementAndGet() + "-" + System.nanoTime() % 10_000);
		catalog.save(sku, new ProductDraft("Coffee card", null, null, 100L, null, true, 10, 0, Issuer.SHOP));
		return sku;
	}

	private Redeemer redeemer(Sku sku) {
		return redeemers.save("R-" + next.incrementAndGet() + "-" + System.nanoTime() % 10_000,
				new RedeemerDraft("Counter", List.of(sku.value())));
	}

	/** Buys one code of the product through the sandbox and reads it as the buyer sees it. */
	private Sold buy(Sku sku) {
		String customer = "buyer-" + next.incrementAndGet();
		Order order = orders.place(customer, sku, 1);
		payments.start(order.orderNo(), customer, "sandbox", "webchat");
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		return new Sold(order.orderNo(), deliveries.reveal(order.orderNo(), customer, "webchat").get(0));
	}

	private static String anotherValidCode() {
		return VoucherCode.generate(new SecureRandom(), 16);
	}

	/** A code still on the shelf, read the way the shop reads it: nobody was ever shown it. */
	private String codeInStock(Sku sku) {
		Document item = mongo.getCollection("stock")
			.find(new Document("sku", sku.value()).append("status", "AVAILABLE")).first();
		return vault.open(new Sealed(item.getString("keyId"), item.get("cipher", Binary.class).getData()));
	}

	private record Sold(String orderNo, String code) {
	}
}
