package io.kamibot.conversation;

import java.util.List;
import java.util.Set;

/** Handles one slash command, e.g. {@code /buy}. Implementations are Spring beans. */
public interface Command {

	/** The command's names without the slash, lower case. */
	Set<String> names();

	/** @param args the words after the command */
	List<Reply> handle(Session session, List<String> args);
}
