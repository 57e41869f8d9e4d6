package io.kamibot.resellers;

/** No reseller has this id (or key). */
public class UnknownReseller extends RuntimeException {

	UnknownReseller(String id) {
		super("No reseller " + id);
	}
}
