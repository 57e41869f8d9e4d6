package io.kamibot.vault;

/**
 * A signing key as it is issued: the secret in clear is for the one answer that shows it, the sealed one for storage.
 */
public record SigningKey(String keyId, String secret, Sealed sealed) {

	@Override
	public String toString() {
		return "SigningKey[" + keyId + "]";
	}
}
