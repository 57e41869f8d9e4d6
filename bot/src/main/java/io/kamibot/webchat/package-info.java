/**
 * The built-in web chat channel: JSON endpoints under {@code /api/webchat/{chatId}} and an outbox of messages sent
 * to a chat between its requests (sealed at rest, taken once).
 */
package io.kamibot.webchat;
