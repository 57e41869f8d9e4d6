/**
 * The people who buy: one customer per channel identity (a Telegram user, a WeChat openid, a web chat), with the
 * language they read.
 */
package io.kamibot.customer;
