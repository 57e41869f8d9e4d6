package io.kamibot.conversation.commands;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.springframework.stereotype.Component;

/** {@code /lang en|zh} and the language button ({@code lang:<tag>}). */
@Component
class LanguageCommand implements Command, ButtonHandler {

	private final Customers customers;
	private final Menus menus;

	LanguageCommand(Customers customers, Menus menus) {
		this.customers = customers;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("lang", "language");
	}

	@Override
	public String prefix() {
		return "lang";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() != 1 || !args.get(0).matches("(?i)en|zh|zh-cn|english|中文")) {
			return List.of(Reply.withButtons(session.text(Text.LANGUAGE_CHOOSE),
					List.of(List.of(new Button("中文", "lang:zh"), new Button("English", "lang:en")))));
		}
		String choice = args.get(0).toLowerCase(Locale.ROOT);
		Locale locale = Texts.supported(choice.equals("english") ? "en" : choice.equals("中文") ? "zh" : choice);
		Customer changed = customers.changeLocale(session.customerId(), locale);
		Session now = new Session(changed, session.inbound(), session.texts());
		return List.of(Reply.withButtons(now.text(Text.LANGUAGE_CHANGED), menus.main(now)));
	}
}
