package io.kamibot.redemption;

/** A redeemer presented too many codes that are no vouchers: it waits before it may try again. */
public class TooManyMisses extends RuntimeException {

	private final long retryAfterSeconds;

	TooManyMisses(String redeemer, long retryAfterSeconds) {
		super("Redeemer " + redeemer + " presented too many unknown or mistyped codes; wait " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
