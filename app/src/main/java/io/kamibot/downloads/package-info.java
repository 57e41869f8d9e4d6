/**
 * Downloads of resellers' files (a bulk order's codes, a month's statement) by the signed links handed to their
 * chats: valid 24 hours, only while the chat still acts for the reseller, every download in the audit log.
 */
package io.kamibot.downloads;
