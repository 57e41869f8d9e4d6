/**
 * Resellers: accounts with a level, a credit limit, API keys and linked chats; their wallets; and bulk orders paid
 * from the wallet, all or nothing. A bulk order is the reseller's reference: it is recorded first with the order
 * number it will have, its codes are reserved, and the wallet debit under the order's number is the point of no
 * return, so the same reference again, or the recovery sweep after a crash, finishes exactly what the debit paid for
 * and undoes what it did not.
 */
package io.kamibot.resellers;
