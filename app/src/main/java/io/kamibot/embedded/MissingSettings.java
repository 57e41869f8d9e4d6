package io.kamibot.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start refused for settings (a channel or payment provider switched on by one variable with others missing
 * or unreadable) into Boot's short "APPLICATION FAILED TO START" report that names them, instead of a page of nested
 * bean-creation errors. Those refusals are the {@link IllegalStateException}s whose message names a
 * {@code KAMIBOT_} variable.
 */
class MissingSettings extends AbstractFailureAnalyzer<IllegalStateException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
		String message = cause.getMessage();
		if (message == null || !message.contains("KAMIBOT_")) {
			return null;
		}
		return new FailureAnalysis(message, "Set the settings named above (as environment variables), or unset the one "
				+ "that turned the feature on, and start again.", cause);
	}
}
