package io.kamibot.redemption;

/** A redeemer's signing key: the secret is shown once, when it is issued. */
public record RedeemerKey(String keyId, String secret) {

	@Override
	public String toString() {
		return "RedeemerKey[" + keyId + "]";
	}
}
