package io.kamibot.redemption;

import java.time.Instant;

/**
 * Event: an own voucher was redeemed. Carries no code.
 *
 * @param via where: {@code api} or the chat channel
 */
public record CodeRedeemed(String sku, String orderNo, String redeemer, Instant at, String via) {
}
