package io.kamibot.stock;

import java.time.LocalDate;

/**
 * A batch of generated own vouchers: how many went on sale, never the codes (sales deliver them).
 *
 * @param expiresOn the codes' last day, or {@code null} when they never expire
 */
public record GeneratedBatch(String batchId, String sku, long count, int length, LocalDate expiresOn) {
}
