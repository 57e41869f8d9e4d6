/**
 * RSA keys from settings, as payment providers hand them out: PEM text, the bare Base64 of the key that some
 * providers' key tools print, or the path of a file holding either.
 */
package io.kamibot.pem;
