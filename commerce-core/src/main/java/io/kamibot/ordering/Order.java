package io.kamibot.ordering;

import java.time.Instant;
import java.util.Optional;

import io.kamibot.catalog.Sku;
import io.kamibot.money.Currency;
import io.kamibot.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order of some codes of one product. Prices are copied from the product when the order is placed.
 *
 * @param totalFen what the order costs in CNY fen
 * @param totalStars what it costs in Telegram Stars, or {@code null} when the product has no Stars price
 * @param payBefore when the reservation ends if unpaid
 * @param payment the provider and transaction that paid it, e.g. {@code sandbox:sbx-K2611…}
 * @param unreserved {@code true} when it was placed past the reservation cap and holds no codes: it takes them when
 *     it is paid, if any are left; {@code null} otherwise
 * @param refundedAt when the money went back to the buyer, or {@code null} when it did not
 */
@Document("orders")
public record Order(@Id String orderNo, String customerId, String sku, String title, int quantity, long totalFen,
		Long totalStars, OrderStatus status, Instant createdAt, Instant payBefore, Instant paidAt, String payment,
		Instant deliveredAt, String holdReason, Instant updatedAt, Boolean unreserved, Instant refundedAt) {

	/** How the payment of an order a benefit plan issued begins: the plan, not a buyer, pays it. */
	public static final String PLAN_PAYMENT = "benefit:";

	/** Whether a benefit plan issued this order to one of its recipients. */
	public boolean issuedByPlan() {
		return payment != null && payment.startsWith(PLAN_PAYMENT);
	}

	/** Whether codes wait for this order until {@link #payBefore()}, or it must be paid before others are. */
	public boolean holdsCodes() {
		return !Boolean.TRUE.equals(unreserved);
	}

	public Sku productSku() {
		return new Sku(sku);
	}

	/** The price of the order in a currency, when it can be paid in it. */
	public Optional<Money> amountIn(Currency currency) {
		return switch (currency) {
			case CNY -> Optional.of(Money.fen(totalFen));
			case XTR -> Optional.ofNullable(totalStars).map(Money::stars);
		};
	}

	public boolean belongsTo(String customer) {
		return customerId.equals(customer);
	}
}
