/**
 * Who may run the shop from a chat: the admins' identities on each channel.
 */
package io.kamibot.admins;
