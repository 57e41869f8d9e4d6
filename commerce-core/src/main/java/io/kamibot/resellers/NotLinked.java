package io.kamibot.resellers;

/** The chat is not linked to any reseller. */
public class NotLinked extends RuntimeException {

	NotLinked(String customerId) {
		super("Customer " + customerId + " is not linked to a reseller");
	}
}
