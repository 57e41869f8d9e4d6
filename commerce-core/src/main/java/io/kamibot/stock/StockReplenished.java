package io.kamibot.stock;

import io.kamibot.catalog.Sku;

/** Event: new codes of a product are on the shelf. */
public record StockReplenished(Sku sku, long imported) {
}
