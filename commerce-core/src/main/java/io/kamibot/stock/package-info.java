/**
 * The codes for sale: streaming import of UTF-8 text with de-duplication, whose codes go on sale only once the whole
 * file is accepted (STAGED → AVAILABLE); encrypted storage; and the conditional moves AVAILABLE → RESERVED → SOLD
 * (or VOID) that make sure each code goes to one buyer.
 */
package io.kamibot.stock;
