package io.kamibot.payment;

/** No such payment method is offered on this channel. */
public class UnknownPaymentMethod extends RuntimeException {

	UnknownPaymentMethod(String provider, String channel) {
		super("Payment method " + provider + " is not offered on " + channel);
	}
}
