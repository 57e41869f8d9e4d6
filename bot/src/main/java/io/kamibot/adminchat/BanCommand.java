package io.kamibot.adminchat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.risk.Bans;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * {@code /ban USER} and {@code /unban USER}. USER is a customer id (as alerts show it), {@code channel:user id},
 * or a bare user id on the admin's own channel (e.g. a Telegram user id).
 */
@Component
class BanCommand implements Command {

	private final AdminGate gate;
	private final Bans bans;
	private final Customers customers;
	private final Menus menus;

	BanCommand(AdminGate gate, Bans bans, Customers customers, Menus menus) {
		this.gate = gate;
		this.bans = bans;
		this.customers = customers;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("ban", "unban");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		if (args.size() != 1) {
			return session.say(Text.BAN_USAGE);
		}
		String customerId;
		try {
			customerId = resolve(session, args.get(0));
		}
		catch (IllegalArgumentException e) {
			return session.say(Text.BAN_USAGE);
		}
		if (session.inbound().text().strip().toLowerCase(Locale.ROOT).startsWith("/unban")) {
			return session.say(bans.unban(customerId, AdminGate.actor(session)) ? Text.UNBANNED : Text.UNBAN_NONE,
					customerId);
		}
		return ban(session, customerId);
	}

	/** Also the Ban button's action. */
	List<Reply> ban(Session session, String customerId) {
		return session.say(bans.ban(customerId, AdminGate.actor(session)) ? Text.BANNED : Text.BAN_ALREADY, customerId);
	}

	private String resolve(Session session, String user) {
		if (user.matches("[0-9a-f]{24}") && customers.find(user).isPresent()) {
			return user;
		}
		int colon = user.indexOf(':');
		ChannelIdentity identity = colon > 0 ? new ChannelIdentity(user.substring(0, colon), user.substring(colon + 1))
				: new ChannelIdentity(session.channel(), user);
		// Registering an unseen identity lets a ban come before the first message.
		return customers.identify(identity).id();
	}
}
