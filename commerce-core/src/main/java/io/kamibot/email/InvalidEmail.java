package io.kamibot.email;

/** Not something mail can be sent to. */
public class InvalidEmail extends RuntimeException {

	public InvalidEmail() {
		super("Not an email address");
	}
}
