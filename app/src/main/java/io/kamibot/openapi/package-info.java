/**
 * The resellers' Open API under {@code /api/open/v1}. Every call is signed by an active reseller's key as every
 * signed API is ({@code signing}: key id, timestamp, nonce once per key, HMAC-SHA256); a call that fails a check gets
 * 401 naming the check and changes nothing; each key has its own rate limit (429 with Retry-After).
 */
package io.kamibot.openapi;
