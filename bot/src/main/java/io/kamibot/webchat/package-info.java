/**
 * The built-in web chat channel: JSON endpoints under {@code /api/webchat/{chatId}}, open only to the holder of the
 * chat's secret token (handed out with its first answer, within a limit of new chats per client address), and an
 * outbox of messages sent to a chat between its requests (sealed at rest, taken once).
 */
package io.kamibot.webchat;
