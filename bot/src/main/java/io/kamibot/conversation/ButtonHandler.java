package io.kamibot.conversation;

import java.util.List;

/**
 * Handles presses of one kind of button, recognised by the prefix of its data ({@code prefix:arg1:arg2}).
 * Implementations are Spring beans.
 */
public interface ButtonHandler {

	String prefix();

	/** @param args the parts of the data after the prefix */
	List<Reply> handle(Session session, List<String> args);
}
