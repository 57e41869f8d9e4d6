/**
 * Money as integers: CNY in fen, Telegram Stars in whole stars. Never floating point.
 */
package io.kamibot.money;
