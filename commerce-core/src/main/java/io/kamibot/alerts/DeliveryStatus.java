package io.kamibot.alerts;

/** Where an alert is on its way to one destination. */
public enum DeliveryStatus {

	/** Waiting to be sent, or to be tried again. */
	PENDING,

	/** The destination took it. */
	SENT,

	/** Every attempt failed; it stays in the admin feed. */
	FAILED
}
