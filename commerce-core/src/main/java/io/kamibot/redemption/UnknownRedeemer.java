package io.kamibot.redemption;

/** No redeemer has this id. */
public class UnknownRedeemer extends RuntimeException {

	UnknownRedeemer(String id) {
		super("No redeemer " + id);
	}
}
