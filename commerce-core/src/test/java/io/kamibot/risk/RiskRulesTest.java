package io.kamibot.risk;

import java.util.UUID;

import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.money.Money;
import io.kamibot.ordering.NotApprovable;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.Payments;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The risk rules refuse with a named rule and change nothing; held orders wait for an admin's decision. */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@TestPropertySource(properties = { "kamibot.risk.orders-per-window=4", "kamibot.risk.orders-per-address=3",
		"kamibot.risk.max-unpaid=2",
		"kamibot.risk.max-quantity=3", "kamibot.risk.review-first-order-fen=10000" })
class RiskRulesTest {

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	Reviews reviews;

	@Autowired
	Bans bans;

	@Autowired
	Alerts alerts;

	@Autowired
	AuditLog audit;

	@Test
	void aCustomerOverTheOrderRateIsRefusedAndReported() {
		Sku sku = product("RISK-RATE", 100, 20);
		String buyer = buyer();
		for (int i = 0; i < 4; i++) {
			Order order = orders.place(buyer, sku, 1);
			orders.cancel(order.orderNo(), buyer);
		}
		long before = stock.available(sku);
		assertThatThrownBy(() -> orders.place(buyer, sku, 1)).isInstanceOfSatisfying(RiskRefused.class,
				e -> assertThat(e.rule()).isEqualTo(RiskRefused.Rule.RATE));
		assertThat(stock.available(sku)).isEqualTo(before);
		assertThat(orders.history(buyer, 10)).hasSize(4);
		assertThat(alerts.recent(50)).anyMatch(a -> a.type() == AlertType.SUSPECTED_FRAUD && a.arg(0).equals(buyer));
		assertThat(orders.place(buyer(), sku, 1)).as("others are not affected").isNotNull();
	}

	@Test
	void ordersFromOneClientAddressAreLimitedWhicheverCustomersPlaceThem() {
		Sku sku = product("RISK-ADDRESS", 100, 20);
		String address = "address-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			orders.place(buyer(), sku, 1, address);
		}
		String fresh = buyer();
		long before = stock.available(sku);
		assertThatThrownBy(() -> orders.place(fresh, sku, 1, address)).isInstanceOfSatisfying(RiskRefused.class,
				e -> assertThat(e.rule()).isEqualTo(RiskRefused.Rule.ADDRESS));
		assertThat(stock.available(sku)).isEqualTo(before);
		assertThat(orders.history(fresh, 10)).isEmpty();
		assertThat(alerts.recent(50)).as("not reported as one customer's fraud")
			.noneMatch(a -> a.type() == AlertType.SUSPECTED_FRAUD && a.arg(0).equals(fresh));
		assertThat(orders.place(fresh, sku, 1, "address-" + UUID.randomUUID())).as("another address").isNotNull();
		assertThat(orders.place(buyer(), sku, 1)).as("a channel that knows no address").isNotNull();
	}

	@Test
	void unpaidOrdersQuantityAndBansAreLimited() {
		Sku sku = product("RISK-MISC", 100, 20);
		String hoarder = buyer();
		orders.place(hoarder, sku, 1);
		orders.place(hoarder, sku, 1);
		assertThatThrownBy(() -> orders.place(hoarder, sku, 1)).isInstanceOfSatisfying(RiskRefused.class,
				e -> assertThat(e.rule()).isEqualTo(RiskRefused.Rule.UNPAID));
		assertThatThrownBy(() -> orders.place(buyer(), sku, 4)).isInstanceOfSatisfying(RiskRefused.class,
				e -> assertThat(e.rule()).isEqualTo(RiskRefused.Rule.QUANTITY));

		String banned = buyer();
		assertThat(bans.ban(banned, "telegram:1")).isTrue();
		assertThat(bans.ban(banned, "telegram:1")).isFalse();
		assertThatThrownBy(() -> orders.place(banned, sku, 1)).isInstanceOfSatisfying(RiskRefused.class,
				e -> assertThat(e.rule()).isEqualTo(RiskRefused.Rule.BANNED));
		assertThat(bans.unban(banned, "telegram:1")).isTrue();
		assertThat(orders.place(banned, sku, 1)).isNotNull();
		assertThat(audit.read("customer.ban", banned, null, 10)).hasSize(1);
	}

	@Test
	void aLargeFirstOrderWaitsForApprovalAndIsDeliveredAfterIt() {
		Sku sku = product("RISK-BIG", 6000, 5);
		String buyer = buyer();
		Order order = orders.place(buyer, sku, 2);
		pay(order);

		Order held = orders.find(order.orderNo()).orElseThrow();
		assertThat(held.status()).isEqualTo(OrderStatus.UNDER_REVIEW);
		assertThat(held.holdReason()).isEqualTo("large first order");
		assertThat(stock.reveal(order.orderNo())).as("nothing handed over yet").isEmpty();
		assertThat(alerts.recent(50)).anyMatch(a -> a.type() == AlertType.ORDER_HELD
				&& a.arg(0).equals(order.orderNo()) && a.actions().size() == 3);

		assertThat(reviews.approve(order.orderNo(), "telegram:1")).isEqualTo(Reviews.Outcome.APPROVED);
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
		assertThat(stock.reveal(order.orderNo())).hasSize(2);
		assertThat(reviews.reject(order.orderNo(), "telegram:2")).isEqualTo(Reviews.Outcome.NOT_HELD);
		assertThat(audit.read("order.approved", order.orderNo(), null, 10)).hasSize(1);

		Order second = orders.place(buyer, sku, 2);
		pay(second);
		// Not held: it is not the first order any more.
		Eventually.orderStatus(orders, second.orderNo(), OrderStatus.DELIVERED);
	}

	@Test
	void aRejectedHeldOrderIsRefundedAndItsCodesGoBackOnSale() {
		Sku sku = product("RISK-REJ", 6000, 5);
		Order order = orders.place(buyer(), sku, 2);
		pay(order);
		assertThat(stock.available(sku)).isEqualTo(3);

		assertThat(reviews.reject(order.orderNo(), "telegram:1")).isEqualTo(Reviews.Outcome.REFUNDED);
		assertThat(reviews.approve(order.orderNo(), "telegram:2")).isEqualTo(Reviews.Outcome.NOT_HELD);
		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(stock.available(sku)).isEqualTo(5);
	}

	@Test
	void aMismatchedPaymentCannotBeApprovedAndIsCancelledOnRejection() {
		Sku sku = product("RISK-MIS", 100, 5);
		Order order = orders.place(buyer(), sku, 1);
		payments.confirm(new PaymentConfirmation("sandbox", "short-" + order.orderNo(), order.orderNo(), Money.fen(1)));
		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.UNDER_REVIEW);
		assertThat(alerts.recent(50)).anyMatch(a -> a.type() == AlertType.PAYMENT_MISMATCH
				&& a.arg(0).equals(order.orderNo()));

		assertThatThrownBy(() -> reviews.approve(order.orderNo(), "telegram:1")).isInstanceOf(NotApprovable.class);
		assertThat(reviews.reject(order.orderNo(), "telegram:1")).isEqualTo(Reviews.Outcome.CANCELLED);
		assertThat(orders.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(stock.available(sku)).isEqualTo(5);
	}

	private void pay(Order order) {
		payments.confirm(new PaymentConfirmation("sandbox", "tx-" + order.orderNo(), order.orderNo(),
				Money.fen(order.totalFen())));
	}

	private Sku product(String name, long priceFen, int codes) {
		Sku sku = new Sku(name);
		catalog.save(sku, new ProductDraft(name, null, null, priceFen, null, true, 5, 1));
		stock.importCodes(sku, Codes.stream(Codes.lines(name, codes)), "test");
		return sku;
	}

	private static String buyer() {
		return "buyer-" + UUID.randomUUID();
	}
}
