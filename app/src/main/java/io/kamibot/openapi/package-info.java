/**
 * The resellers' Open API under {@code /api/open/v1}. Every call is signed: key id, Unix timestamp within 300 s,
 * a nonce used once per key in 10 minutes (kept in Redis), and a lower-case hex HMAC-SHA256 with the key's secret over
 * {@code METHOD\nPATH\nTIMESTAMP\nNONCE\nSHA256_HEX(BODY)}. A call that fails a check gets 401 naming the check and
 * changes nothing; each key has its own rate limit (429 with Retry-After).
 */
package io.kamibot.openapi;
