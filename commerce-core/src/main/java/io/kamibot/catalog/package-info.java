/**
 * The products the shop sells: SKU, texts, prices, whether they are on sale and their stock thresholds.
 */
package io.kamibot.catalog;
