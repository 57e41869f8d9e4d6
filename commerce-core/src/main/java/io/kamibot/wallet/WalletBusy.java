package io.kamibot.wallet;

/** So many changes raced for one wallet that this one gave up; nothing of it was applied. Try again. */
public class WalletBusy extends RuntimeException {

	WalletBusy(String walletId) {
		super("Wallet " + walletId + " is changing too often right now; nothing was applied");
	}
}
