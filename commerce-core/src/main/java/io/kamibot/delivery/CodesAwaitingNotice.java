package io.kamibot.delivery;

/** Event: a delivered order's codes have not reached the buyer's chat yet; send them (again). */
public record CodesAwaitingNotice(String orderNo, String customerId) {
}
