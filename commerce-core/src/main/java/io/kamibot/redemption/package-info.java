/**
 * Redemption (核销) of the shop's own vouchers: redeemers (partners and counters) that may redeem some products, their
 * signing keys and staff chats, and the redemptions themselves. A code is redeemed exactly once by one conditional
 * update in {@code stock}; a redeemer whose codes keep missing (guessing) is slowed down and the admins are alerted.
 */
package io.kamibot.redemption;
