package io.kamibot.alerts;

/** What an alert is about; channels render each with its own template {@code alert.<TYPE>}. */
public enum AlertType {

	/** A product's sellable count fell to its threshold. Args: sku, title, available, threshold. */
	LOW_STOCK,

	/** A product has no sellable code left. Args: sku, title, paused ("true"/"false"). */
	OUT_OF_STOCK,

	/** Codes of a product reach their last day soon. Args: sku, title, count, days. */
	STOCK_EXPIRING,

	/** A payment did not match its order. Args: order, provider, expected, received. */
	PAYMENT_MISMATCH,

	/**
	 * Money arrived that its order could not take (a second charge, a cancelled or refunded order, a wrong
	 * amount). Args: order, provider, amount, reason, payment ref, refunded automatically ("true"/"false"); when
	 * not, it carries a Refund button.
	 */
	PAYMENT_UNMATCHED,

	/** An order is held for an admin. Args: order, customer, reason. */
	ORDER_HELD,

	/** A paid order could not be delivered (no stock). Args: order, sku. */
	DELIVERY_FAILED,

	/** A delivered order's codes never reached the buyer's chat. Args: order, customer, tries. */
	CODES_UNSENT,

	/** A customer behaves like a scalper or abuser. Args: customer, rule. */
	SUSPECTED_FRAUD,

	/**
	 * Unpaid orders, from however many chats, hold as much of a product as they may, so further orders reserve
	 * nothing; raised once per product and window. Args: sku, title, cap percent.
	 */
	HOARDING,

	/** A buyer reported a bad code. Args: order, customer, reason. */
	PROBLEM_REPORTED,

	/**
	 * A benefit plan's period could not issue every code: the rest wait as back-orders and go out on restock; raised
	 * once per plan and period. Args: plan id, plan name, period, shortfall (e.g. {@code VIP-MONTH × 12}).
	 */
	BENEFIT_SHORTFALL,

	/**
	 * A benefit plan's payer could not pay some issues of a period, which wait for a top-up and the period's issue
	 * again; raised once per plan and period. Args: plan id, plan name, period, reseller, unpaid issues.
	 */
	BENEFIT_UNPAID,

	/**
	 * A redeemer presented more unknown or mistyped codes than it may in a minute (someone may be guessing codes);
	 * it is refused for a while. Args: redeemer id, redeemer name, misses allowed a minute.
	 */
	REDEMPTION_GUESSING,

	/**
	 * The daily report, with a chart. Args: day, orders, revenue CNY, revenue Stars, top products, stock left, benefit
	 * plan issues, own vouchers redeemed.
	 */
	DAILY_REPORT
}
