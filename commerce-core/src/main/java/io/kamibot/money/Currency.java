package io.kamibot.money;

/** The currencies the shop takes. */
public enum Currency {

	/** Chinese yuan, counted in fen (1/100 yuan). */
	CNY,

	/** Telegram Stars, counted in whole stars. */
	XTR
}
