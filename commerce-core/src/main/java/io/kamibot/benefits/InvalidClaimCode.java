package io.kamibot.benefits;

/** The claim code is unknown, already claimed, or its claimant already receives the plan. */
public class InvalidClaimCode extends RuntimeException {

	InvalidClaimCode() {
		super("Unknown or used claim code");
	}
}
