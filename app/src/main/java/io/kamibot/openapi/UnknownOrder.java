package io.kamibot.openapi;

/** No done bulk order of the caller has this reference. */
class UnknownOrder extends RuntimeException {

	UnknownOrder(String ref) {
		super("No order of yours has the reference " + ref);
	}
}
