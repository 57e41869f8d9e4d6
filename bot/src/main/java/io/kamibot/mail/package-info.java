/**
 * Codes by email: a buyer sets an address with {@code /email}, confirms it with the link mailed to it, and from then
 * on every delivery also goes there (plain text and HTML, in the buyer's language). Off unless
 * {@code KAMIBOT_MAIL_HOST} is set. Codes are never logged; a mail that could not be sent is tried again from the
 * event registry.
 */
package io.kamibot.mail;
