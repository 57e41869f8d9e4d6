package io.kamibot.wallet;

/** A ledger reference must be 1-64 characters of {@code A-Za-z0-9_.:-}. */
public class InvalidReference extends IllegalArgumentException {

	InvalidReference(String ref) {
		super("Invalid reference (1-64 characters of A-Za-z0-9_.:-): " + ref);
	}
}
