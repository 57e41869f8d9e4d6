package io.kamibot.resellers;

/**
 * Event: a debit took the reseller's balance below their low-balance threshold. Published once per crossing.
 */
public record ResellerBalanceLow(String resellerId, long balanceFen, long thresholdFen) {
}
