package io.kamibot.adminchat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /pause SKU} and {@code /resume SKU}: take a product off sale or put it back. */
@Component
class PauseCommand implements Command {

	private final AdminGate gate;
	private final Catalog catalog;
	private final AuditLog audit;
	private final Menus menus;

	PauseCommand(AdminGate gate, Catalog catalog, AuditLog audit, Menus menus) {
		this.gate = gate;
		this.catalog = catalog;
		this.audit = audit;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("pause", "resume");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		if (args.size() != 1) {
			return session.say(Text.PAUSE_USAGE);
		}
		boolean resume = session.inbound().text().strip().toLowerCase(Locale.ROOT).startsWith("/resume");
		return setActive(session, args.get(0), resume);
	}

	/** Also the Pause button's action. */
	List<Reply> setActive(Session session, String sku, boolean active) {
		Sku id = new Sku(sku);
		catalog.get(id);
		catalog.save(id, new ProductDraft(null, null, null, null, null, active, null, null));
		audit.record(AdminGate.actor(session), active ? "product.resume" : "product.pause", sku, null);
		return session.say(active ? Text.RESUMED : Text.PAUSED, sku);
	}
}
