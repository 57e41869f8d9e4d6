package io.kamibot.stockwatch;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which alerts of a product have fired since its last restock; the id is the SKU. Set and cleared by conditional
 * updates, so of two instances seeing the same sale exactly one alerts.
 *
 * @param low a low-stock alert went out
 * @param out an out-of-stock alert went out
 */
@Document("stock_watch")
record WatchState(@Id String sku, boolean low, boolean out) {
}
