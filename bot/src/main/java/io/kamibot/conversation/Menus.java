package io.kamibot.conversation;

import java.util.List;
import java.util.Locale;

import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** The main menu and help that many answers end with. */
@Component
public class Menus {

	public List<List<Button>> main(Session session) {
		String otherLanguage = session.locale().getLanguage().equals(Locale.ENGLISH.getLanguage()) ? "zh" : "en";
		return List.of(
				List.of(new Button(session.text(Text.MENU_CATALOG), "cat"),
						new Button(session.text(Text.MENU_ORDERS), "orders")),
				List.of(new Button(session.text(Text.MENU_HELP), "help"),
						new Button(session.text(Text.MENU_LANGUAGE), "lang:" + otherLanguage)));
	}

	public List<Reply> welcome(Session session) {
		return List.of(Reply.withButtons(session.text(Text.WELCOME), main(session)));
	}

	/** @param puzzled whether to say first that the input was not understood */
	public List<Reply> help(Session session, boolean puzzled) {
		String help = session.text(Text.HELP);
		return List.of(Reply.withButtons(puzzled ? session.text(Text.UNKNOWN_INPUT) + help : help, main(session)));
	}
}
