package io.kamibot.wallet;

/**
 * A wallet as its owner sees it.
 *
 * @param creditLimitFen how far the balance may go below zero
 */
public record Balance(String walletId, long balanceFen, long creditLimitFen) {

	/** What can still be spent. */
	public long spendableFen() {
		return balanceFen + creditLimitFen;
	}
}
