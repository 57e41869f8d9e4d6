/**
 * Resellers in the chats: {@code /link CODE}, {@code /balance}, {@code /statement [YYYY-MM]} and
 * {@code /bulk SKU QTY REF [txt]}, with a confirm button for large orders. Files go as documents where the channel
 * sends files (Telegram) and as a signed download link, for this chat only and valid 24 h, elsewhere. Only a chat
 * linked to a reseller acts for it.
 */
package io.kamibot.resellerchat;
