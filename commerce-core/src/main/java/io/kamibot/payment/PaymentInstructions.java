package io.kamibot.payment;

import io.kamibot.money.Money;

/** What a buyer is shown after choosing how to pay. */
public sealed interface PaymentInstructions {

	/** Open a payment page. */
	record OpenLink(String url) implements PaymentInstructions {
	}

	/**
	 * Pay an invoice inside the chat app (Telegram Stars).
	 *
	 * @param payload what the platform hands back with the payment: the order number, never a secret
	 */
	record Invoice(String title, String description, String payload, Money amount) implements PaymentInstructions {
	}

	/** Scan a QR code with the payment app; {@code content} is what the QR encodes. */
	record ScanQr(String content) implements PaymentInstructions {
	}

	/**
	 * The provider confirms at once (the sandbox): {@link Payments} records the confirmation and the buyer sees
	 * the outcome.
	 */
	record ConfirmNow(PaymentConfirmation confirmation) implements PaymentInstructions {
	}

	/** The payment was confirmed while starting it. */
	record Completed(PaymentOutcome outcome) implements PaymentInstructions {
	}
}
