package io.kamibot.resellerchat;

import java.util.List;
import java.util.Set;

import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.resellers.InvalidLinkCode;
import io.kamibot.resellers.Reseller;
import io.kamibot.resellers.Resellers;
import org.springframework.stereotype.Component;

/** {@code /link CODE}: this chat acts for the reseller whose one-time code it is. */
@Component
class LinkCommand implements Command {

	private final Resellers resellers;

	LinkCommand(Resellers resellers) {
		this.resellers = resellers;
	}

	@Override
	public Set<String> names() {
		return Set.of("link");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() != 1) {
			return ResellerChat.say(session, "reseller.link.usage");
		}
		try {
			Reseller reseller = resellers.link(args.get(0), session.customerId());
			return ResellerChat.say(session, "reseller.linked", reseller.name());
		}
		catch (InvalidLinkCode e) {
			return ResellerChat.say(session, "reseller.link.invalid");
		}
	}
}
