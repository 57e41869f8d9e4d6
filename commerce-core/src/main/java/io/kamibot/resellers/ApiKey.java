package io.kamibot.resellers;

/** An Open API key: the secret is shown once, when it is issued. */
public record ApiKey(String keyId, String secret) {

	@Override
	public String toString() {
		return "ApiKey[" + keyId + "]";
	}
}
