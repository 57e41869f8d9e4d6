package io.kamibot.benefits;

/** No plan has this id. */
public class UnknownPlan extends RuntimeException {

	UnknownPlan(String id) {
		super("No benefit plan " + id);
	}
}
