/**
 * The HTML the shop serves from its own files (the web chat at {@code /}, the admin console at {@code /admin.html})
 * and a delivery's codes page ({@code /codes/…}, rendered by the server behind its signed link), each response with
 * a fresh nonce that alone lets its scripts and styles run; and the headers every response
 * carries, so no page of the shop can be framed and anything else is locked down by default.
 */
package io.kamibot.pages;
