package io.kamibot.ordering;

/** Events published after an order's status changed; listeners must be idempotent. */
public final class OrderEvents {

	private OrderEvents() {
	}

	/** Codes are reserved and the buyer may pay. */
	public record OrderPlaced(String orderNo, String customerId) {
	}

	/**
	 * Unpaid orders hold as much of the product as they may, so this order was placed without reserving codes
	 * ({@link Order#holdsCodes()}); published after {@link OrderPlaced}.
	 *
	 * @param capPercent the share of the product's unsold codes unpaid orders may hold
	 */
	public record ReservationCapReached(String orderNo, String customerId, String sku, int capPercent) {
	}

	/** The order is paid; its codes should be handed over. */
	public record OrderPaid(String orderNo, String customerId) {
	}

	/** The buyer has the codes. */
	public record OrderDelivered(String orderNo, String customerId) {
	}

	/** Paid but waiting for stock. */
	public record OrderBackordered(String orderNo, String customerId) {
	}

	/**
	 * Held for an admin.
	 *
	 * @param paid whether it holds an accepted payment (a risk rule held it); when not, a payment that did not match
	 *     held it, and that money is returned on its own
	 */
	public record OrderHeld(String orderNo, String customerId, String reason, boolean paid) {
	}

	/** Cancelled before payment. */
	public record OrderCancelled(String orderNo, String customerId) {
	}

	/** The money went back to the buyer. */
	public record OrderRefunded(String orderNo, String customerId) {
	}

	/** Not paid in time. */
	public record OrderExpired(String orderNo, String customerId) {
	}
}
