package io.kamibot.admin;

/** What the admin API is called in the audit log, in refunds and bans: who did it, as far as the shop can tell. */
final class AdminApi {

	/** Every call with the admin token acts as this one actor. */
	static final String ACTOR = "admin-api";

	private AdminApi() {
	}
}
