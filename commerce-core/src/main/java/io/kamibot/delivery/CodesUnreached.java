package io.kamibot.delivery;

/**
 * Event: a delivered order's codes did not reach the buyer's chat after every reminder (the buyer blocked the bot,
 * or a WeChat buyer has not written for 48 hours). They stay in the buyer's {@code /orders}; an admin may resend
 * or refund.
 */
public record CodesUnreached(String orderNo, String customerId, int tries) {
}
