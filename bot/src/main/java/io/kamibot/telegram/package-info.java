/**
 * The Telegram channel: long polling with TelegramBots, every update stored in the durable inbox before it is
 * confirmed, processed in order per chat; digital goods paid with Telegram Stars only. On when
 * {@code KAMIBOT_TELEGRAM_TOKEN} is set.
 */
package io.kamibot.telegram;
