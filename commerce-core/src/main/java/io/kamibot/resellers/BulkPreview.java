package io.kamibot.resellers;

import io.kamibot.wallet.Balance;

/**
 * A bulk order checked before it is placed ({@link BulkOrders#preview}).
 *
 * @param amountFen what it costs (for an order placed before, what it cost)
 * @param balance the reseller's wallet now
 * @param placed whether the reference already names this order: placing it again returns it, with no second charge
 */
public record BulkPreview(long amountFen, Balance balance, boolean placed) {
}
