/**
 * One handler per command and per kind of button of the shop conversation.
 */
package io.kamibot.conversation.commands;
