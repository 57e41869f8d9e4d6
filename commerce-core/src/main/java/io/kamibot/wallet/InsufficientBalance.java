package io.kamibot.wallet;

/** A debit would take the balance past the credit limit: it is refused whole and changes nothing. */
public class InsufficientBalance extends RuntimeException {

	private final transient Balance balance;
	private final long requestedFen;

	InsufficientBalance(Balance balance, long requestedFen) {
		super("Wallet " + balance.walletId() + " cannot pay " + requestedFen + " fen: balance " + balance.balanceFen()
				+ ", credit limit " + balance.creditLimitFen());
		this.balance = balance;
		this.requestedFen = requestedFen;
	}

	public Balance balance() {
		return balance;
	}

	public long requestedFen() {
		return requestedFen;
	}
}
