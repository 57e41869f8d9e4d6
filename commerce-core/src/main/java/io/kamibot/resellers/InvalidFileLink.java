package io.kamibot.resellers;

/** A download link that is forged, expired, or no longer its holder's (the chat was unlinked). */
public class InvalidFileLink extends RuntimeException {

	InvalidFileLink() {
		super("The download link is invalid or expired");
	}
}
