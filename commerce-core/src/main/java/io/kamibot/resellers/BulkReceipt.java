package io.kamibot.resellers;

import java.util.List;

import io.kamibot.stock.DatedCode;

/**
 * A done bulk order with its codes.
 *
 * @param created whether this call placed it; {@code false} when the reference named an order placed before
 */
public record BulkReceipt(BulkOrder order, List<DatedCode> codes, boolean created) {

	@Override
	public String toString() {
		return "BulkReceipt[" + order.orderNo() + ", " + codes.size() + " codes, created " + created + "]";
	}
}
