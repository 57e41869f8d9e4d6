package io.kamibot.stock;

import io.kamibot.catalog.Sku;

/**
 * Event: codes of a product left the shelf, reserved by a new order or sold to a paid order whose reservation had
 * lapsed. The product's sellable count only went down.
 */
public record StockTaken(Sku sku, int taken) {
}
