package io.kamibot.admins;

/** Not an identity that can be an admin: an unknown channel, or a user id that channel never gives out. */
public class InvalidAdminIdentity extends IllegalArgumentException {

	public InvalidAdminIdentity(String message) {
		super(message);
	}
}
