/**
 * Messages waiting for a chat that fetches them (the web chat polls): kept sealed, because they may carry codes,
 * and removed as they are taken, so each is handed out once.
 */
package io.kamibot.mailbox;
