/**
 * The people who buy: one customer per channel identity (a Telegram user, a WeChat openid, a web chat), with the
 * language they read; and the secret tokens that bind a chat whose channel cannot vouch for its sender (the web
 * chat), so that knowing a chat id is not being that buyer.
 */
package io.kamibot.customer;
