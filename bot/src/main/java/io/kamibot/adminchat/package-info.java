/**
 * Running the shop from chats: admin commands and alert buttons (only admins may use them), the buyers'
 * {@code /problem} report, the rendering of alerts for admin destinations and the WeCom group robot sink.
 */
package io.kamibot.adminchat;
