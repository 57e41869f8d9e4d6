/**
 * Watches stock levels and expiry dates and tells admins: one low-stock alert when a product falls to its
 * threshold (re-armed by a restock above it), an out-of-stock alert, warnings about codes that expire soon.
 */
package io.kamibot.stockwatch;
