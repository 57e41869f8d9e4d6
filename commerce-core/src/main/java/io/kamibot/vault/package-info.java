/**
 * Encryption at rest for secrets (codes): AES-GCM with a key id stored beside each sealed value so keys can
 * rotate, and a keyed hash (HMAC-SHA256) for de-duplication and look-up without decrypting.
 */
package io.kamibot.vault;
