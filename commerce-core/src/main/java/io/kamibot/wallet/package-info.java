/**
 * Prepaid wallets kept as ledgers. Every change is an entry with a reference unique per wallet, so the same reference
 * twice changes nothing. A wallet's balance moves only by an update conditional on the wallet's sequence number as
 * read, which also records the entry it applies: two concurrent debits can never both pass the credit limit, and an
 * entry is applied once, whoever drives it and whatever crashed in between. No multi-document transactions.
 */
package io.kamibot.wallet;
