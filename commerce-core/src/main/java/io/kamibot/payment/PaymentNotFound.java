package io.kamibot.payment;

/** No payment has this reference, or it is not one that can be refunded on its own. */
public class PaymentNotFound extends RuntimeException {

	private final String ref;

	PaymentNotFound(String ref) {
		super("No refundable payment " + ref);
		this.ref = ref;
	}

	public String ref() {
		return ref;
	}
}
