package io.kamibot.conversation.commands;

import java.util.List;
import java.util.Set;

import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import org.springframework.stereotype.Component;

/** {@code /help} and the help button. */
@Component
class HelpCommand implements Command, ButtonHandler {

	private final Menus menus;

	HelpCommand(Menus menus) {
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("help");
	}

	@Override
	public String prefix() {
		return "help";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		return menus.help(session, false);
	}
}
