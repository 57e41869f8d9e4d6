package io.kamibot.conversation.commands;

import java.util.List;
import java.util.Set;

import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /paysupport}: how to get help with a payment (Telegram requires bots that take payments to answer it). */
@Component
class PaySupportCommand implements Command {

	@Override
	public Set<String> names() {
		return Set.of("paysupport", "support");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		return session.say(Text.PAY_SUPPORT);
	}
}
