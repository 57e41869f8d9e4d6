package io.kamibot.resellers;

/** Whether a reseller may buy. */
public enum ResellerStatus {
	/** Buys by chat and by API. */
	ACTIVE,
	/** Sees balance and statements, buys nothing, and the API refuses every key. */
	SUSPENDED
}
