package io.kamibot.resellers;

/** The reseller is suspended and may not buy. */
public class ResellerSuspended extends RuntimeException {

	ResellerSuspended(String id) {
		super("Reseller " + id + " is suspended");
	}
}
