/**
 * What a customer pays for N of a SKU, in one place: the product's base price, else a per-level price for resellers,
 * then the largest quantity tier the order reaches. Integer fen throughout; a percentage off is rounded half up to
 * the fen on the order's total, never per code.
 */
package io.kamibot.pricing;
