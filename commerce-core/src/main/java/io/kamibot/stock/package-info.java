/**
 * The codes for sale: streaming import of UTF-8 text with de-duplication, a refused file taking back what it put on
 * sale; encrypted storage; and the conditional moves AVAILABLE → RESERVED → SOLD (or VOID) that make sure each code
 * goes to one buyer. Reservations are capped per product, so unpaid orders cannot hold the whole shelf.
 */
package io.kamibot.stock;
