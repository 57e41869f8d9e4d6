/**
 * The signature every signed HTTP API shares (the resellers' Open API, the redemption API): key id, Unix timestamp
 * within the allowed skew, a nonce used once per key within the nonce window (kept in Redis), and a lower-case hex
 * HMAC-SHA256 with the key's secret over {@code METHOD\nPATH\nTIMESTAMP\nNONCE\nSHA256_HEX(BODY)}. A call that fails
 * a check gets 401 naming the check and changes nothing; each key has its own rate limit (429 with Retry-After).
 */
package io.kamibot.signing;
