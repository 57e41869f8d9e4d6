package io.kamibot.conversation;

import java.util.List;

/**
 * Buttons offered under a delivered order's codes by features beyond the conversation itself (mailing them, say).
 * Implementations are Spring beans; each answers for one order and may offer nothing.
 */
public interface CodesActions {

	List<Button> under(Session session, String orderNo);
}
