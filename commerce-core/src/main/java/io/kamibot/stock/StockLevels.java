package io.kamibot.stock;

/**
 * Counts of one product's codes. {@code available} counts only codes that may still be sold (not expired).
 */
public record StockLevels(long available, long reserved, long sold, long expired) {
}
