package io.kamibot.inbox;

/** Where a stored update is; kept in the inbox document by name. */
enum InboxStatus {

	/** Stored, not yet processed: handed out when its lease allows and no earlier update of its chat waits. */
	PENDING,

	/** Processed; never handed out again. */
	DONE,

	/** Failed too often; parked for a human so the chat's later updates go on. */
	FAILED
}
