package io.kamibot.conversation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The engine: finds the customer, hands the message to the one command or button handler it is for, and turns
 * the core's named failures into answers. Unknown input gets help and the menu, never silence.
 */
@Service
public class Conversation {

	private static final Logger log = LoggerFactory.getLogger(Conversation.class);

	private final Customers customers;
	private final Texts texts;
	private final Menus menus;
	private final Failures failures;
	private final Map<String, Command> commands = new HashMap<>();
	private final Map<String, ButtonHandler> buttons = new HashMap<>();

	Conversation(Customers customers, Texts texts, Menus menus, Failures failures, List<Command> commands,
			List<ButtonHandler> buttons) {
		this.customers = customers;
		this.texts = texts;
		this.menus = menus;
		this.failures = failures;
		for (Command command : commands) {
			command.names().forEach(name -> register(this.commands, name, command));
		}
		for (ButtonHandler handler : buttons) {
			register(this.buttons, handler.prefix(), handler);
		}
	}

	public List<Reply> handle(Inbound inbound) {
		Customer customer = customers.identify(inbound.identity());
		Session session = new Session(customer, inbound, texts);
		try {
			return inbound.isButton() ? press(session, inbound.callback()) : read(session, inbound.text());
		}
		catch (RuntimeException e) {
			return failures.explain(session, e).orElseGet(() -> {
				log.error("Handling a {} message from {} failed", inbound.channel(), customer.id(), e);
				return session.say(Text.ERROR);
			});
		}
	}

	private List<Reply> read(Session session, String text) {
		String trimmed = text == null ? "" : text.strip();
		if (trimmed.length() > Inbound.MAX_TEXT || !trimmed.startsWith("/")) {
			return menus.help(session, true);
		}
		List<String> words = Arrays.asList(trimmed.substring(1).split("\\s+"));
		// Telegram groups address commands as /buy@ShopBot.
		String name = words.get(0).replaceFirst("@.*$", "").toLowerCase(Locale.ROOT);
		Command command = commands.get(name);
		if (command == null) {
			return menus.help(session, true);
		}
		return command.handle(session, words.subList(1, words.size()));
	}

	private List<Reply> press(Session session, String data) {
		List<String> parts = Arrays.asList(data.split(":", -1));
		ButtonHandler handler = buttons.get(parts.get(0));
		if (handler == null) {
			return menus.help(session, true);
		}
		return handler.handle(session, parts.subList(1, parts.size()));
	}

	private static <T> void register(Map<String, T> registry, String name, T handler) {
		if (registry.putIfAbsent(name, handler) != null) {
			throw new IllegalStateException("Two handlers claim " + name);
		}
	}
}
