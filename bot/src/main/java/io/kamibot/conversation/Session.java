package io.kamibot.conversation;

import java.util.List;
import java.util.Locale;

import io.kamibot.customer.Customer;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;

/**
 * What a handler knows while answering: who is talking, on which channel, in which language.
 */
public record Session(Customer customer, Inbound inbound, Texts texts) {

	public Locale locale() {
		return customer.language();
	}

	public String customerId() {
		return customer.id();
	}

	public String channel() {
		return inbound.channel();
	}

	/** The network address the message came from, or {@code null} when the channel does not know it. */
	public String origin() {
		return inbound.origin();
	}

	public String text(Text text, Object... args) {
		return texts.render(locale(), text, args);
	}

	public String text(String key, Object... args) {
		return texts.render(locale(), key, args);
	}

	public List<Reply> say(Text text, Object... args) {
		return List.of(Reply.text(text(text, args)));
	}
}
