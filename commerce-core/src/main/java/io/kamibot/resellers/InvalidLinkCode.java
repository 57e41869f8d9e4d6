package io.kamibot.resellers;

/** A link code that does not exist, was used already or is older than a day. */
public class InvalidLinkCode extends RuntimeException {

	InvalidLinkCode() {
		super("The link code is unknown, used or expired");
	}
}
