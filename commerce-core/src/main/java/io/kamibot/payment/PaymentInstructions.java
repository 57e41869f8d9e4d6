package io.kamibot.payment;

/** What a buyer is shown after choosing how to pay. */
public sealed interface PaymentInstructions {

	/** Open a payment page. */
	record OpenLink(String url) implements PaymentInstructions {
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
