package io.kamibot.signing;

/** The checks a signed call passes, in order; a failed one is named in the 401 problem response. */
enum Check {
	/** One of the four {@code X-Kamibot-*} headers is absent or empty. */
	MISSING_HEADER("missing-header"),
	/** The timestamp is not Unix seconds within the allowed skew of the shop's clock. */
	STALE_TIMESTAMP("stale-timestamp"),
	/** The nonce is not 8-64 characters of {@code A-Za-z0-9_-}. */
	BAD_NONCE("bad-nonce"),
	/** No active reseller holds the key id. */
	UNKNOWN_KEY("unknown-key"),
	/** The signature is not the HMAC of this request with the key's secret. */
	BAD_SIGNATURE("bad-signature"),
	/** The nonce was used with this key within the nonce window. */
	REPLAYED_NONCE("replayed-nonce"),
	/** The body is larger than the API reads. */
	BODY_TOO_LARGE("body-too-large");

	private final String id;

	Check(String id) {
		this.id = id;
	}

	String id() {
		return id;
	}
}
