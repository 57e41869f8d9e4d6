package io.kamibot.signing;

/**
 * Who holds a signing key: the id the API acts for, the key's secret to check the signature with, and the account
 * the API found for it (so its controllers need not read it again).
 */
public record Caller(String id, String secret, Object account) {

	@Override
	public String toString() {
		return "Caller[" + id + "]";
	}
}
