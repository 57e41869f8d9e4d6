package io.kamibot.conversation;

import java.util.List;
import java.util.Locale;

import io.kamibot.storefront.ShopProfile;
import io.kamibot.storefront.ShopProfiles;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** The main menu and help that many answers end with. */
@Component
public class Menus {

	private final ShopProfiles profiles;

	Menus(ShopProfiles profiles) {
		this.profiles = profiles;
	}

	public List<List<Button>> main(Session session) {
		String otherLanguage = session.locale().getLanguage().equals(Locale.ENGLISH.getLanguage()) ? "zh" : "en";
		return List.of(
				List.of(new Button(session.text(Text.MENU_CATALOG), "cat"),
						new Button(session.text(Text.MENU_ORDERS), "orders")),
				List.of(new Button(session.text(Text.MENU_HELP), "help"),
						new Button(session.text(Text.MENU_LANGUAGE), "lang:" + otherLanguage)));
	}

	public List<Reply> welcome(Session session) {
		ShopProfile shop = profiles.current();
		StringBuilder text = new StringBuilder(session.text(Text.WELCOME, shop.name()));
		if (shop.notice() != null) {
			text.append("\n\n").append(shop.notice());
		}
		return List.of(Reply.withButtons(withSupport(session, text, shop).toString(), main(session)));
	}

	/** @param puzzled whether to say first that the input was not understood */
	public List<Reply> help(Session session, boolean puzzled) {
		StringBuilder help = new StringBuilder(session.text(Text.HELP)).append('\n').append(session.text(Text.HELP_MORE));
		withSupport(session, help, profiles.current());
		return List.of(Reply.withButtons(puzzled ? session.text(Text.UNKNOWN_INPUT) + help : help.toString(),
				main(session)));
	}

	/** The support contact as the last line, when the owner set one. */
	private static StringBuilder withSupport(Session session, StringBuilder text, ShopProfile shop) {
		if (shop.support() != null) {
			text.append("\n\n").append(session.text(Text.SUPPORT_CONTACT, shop.support()));
		}
		return text;
	}
}
