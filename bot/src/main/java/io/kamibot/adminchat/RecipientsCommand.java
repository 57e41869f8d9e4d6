package io.kamibot.adminchat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.kamibot.audit.AuditLog;
import io.kamibot.benefits.InvalidRecipients;
import io.kamibot.benefits.PlanRecipients;
import io.kamibot.benefits.PlanRecipients.Added;
import io.kamibot.benefits.RecipientStatus;
import io.kamibot.benefits.UnknownPlan;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import org.springframework.stereotype.Component;

/**
 * {@code /recipients PLAN add LINE...} adds a benefit plan's recipients as the admin API does ({@code telegram:ID},
 * {@code wechat:OPENID}, {@code webchat:CHATID}, {@code claim:LABEL}), answering with the new claim codes;
 * {@code /recipients PLAN pause|resume|remove LINE} changes one.
 */
@Component
class RecipientsCommand implements Command {

	private static final Set<String> ONE = Set.of("pause", "resume", "remove");

	private final AdminGate gate;
	private final PlanRecipients recipients;
	private final AuditLog audit;
	private final Menus menus;

	RecipientsCommand(AdminGate gate, PlanRecipients recipients, AuditLog audit, Menus menus) {
		this.gate = gate;
		this.recipients = recipients;
		this.audit = audit;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("recipients");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		if (args.size() < 3) {
			return PlansCommand.say(session, "admin.recipients.usage");
		}
		String plan = args.get(0);
		String action = args.get(1).toLowerCase(Locale.ROOT);
		List<String> lines = args.subList(2, args.size());
		try {
			if (action.equals("add")) {
				return add(session, plan, lines);
			}
			if (ONE.contains(action) && lines.size() == 1) {
				RecipientStatus status = switch (action) {
					case "pause" -> RecipientStatus.PAUSED;
					case "resume" -> RecipientStatus.ACTIVE;
					default -> RecipientStatus.REMOVED;
				};
				recipients.setStatus(plan, lines.get(0), status);
				audit.record(AdminGate.actor(session), "plan.recipient." + action, plan, lines.get(0));
				return PlansCommand.say(session, "admin.recipients.changed", lines.get(0), status);
			}
			return PlansCommand.say(session, "admin.recipients.usage");
		}
		catch (UnknownPlan e) {
			return PlansCommand.say(session, "admin.plan.unknown", plan);
		}
		catch (InvalidRecipients e) {
			return PlansCommand.say(session, "admin.recipients.invalid", String.join("; ", e.lines()));
		}
	}

	private List<Reply> add(Session session, String plan, List<String> lines) {
		List<Added> added = recipients.add(plan, String.join("\n", lines));
		audit.record(AdminGate.actor(session), "plan.recipients", plan, added.size() + " recipients");
		String codes = added.stream().filter(a -> a.claimCode() != null)
			.map(a -> a.recipient().key() + " → " + a.claimCode())
			.collect(Collectors.joining("\n"));
		return PlansCommand.say(session, "admin.recipients.added", added.size(), plan, codes);
	}
}
