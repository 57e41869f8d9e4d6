package io.kamibot.benefits;

/** The label names no period of the plan (malformed, outside its start and end, or a time its schedule skips). */
public class UnknownPeriod extends RuntimeException {

	UnknownPeriod(String planId, String label) {
		super("Plan " + planId + " has no period '" + label + "'");
	}
}
