package io.kamibot.admins;

/** An admin from the configuration cannot be removed at run time: change the configuration instead. */
public class ConfiguredAdmin extends RuntimeException {

	public ConfiguredAdmin(String identity) {
		super(identity + " is an admin by configuration (KAMIBOT_ADMIN_TELEGRAM_IDS) and cannot be removed here");
	}
}
