package io.kamibot.vault;

import java.util.Objects;

/**
 * A secret sealed by the {@link Vault}: the id of the key that sealed it, and nonce + ciphertext + tag.
 */
public record Sealed(String keyId, byte[] data) {

	public Sealed {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(data, "data");
	}

	@Override
	public String toString() {
		// The ciphertext is not secret, but it has no business in logs either.
		return "Sealed[keyId=" + keyId + ", " + data.length + " bytes]";
	}
}
