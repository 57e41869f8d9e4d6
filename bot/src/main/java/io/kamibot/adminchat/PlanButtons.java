package io.kamibot.adminchat;

import java.util.List;
import java.util.Set;

import io.kamibot.audit.AuditLog;
import io.kamibot.benefits.Plan;
import io.kamibot.benefits.Plans;
import io.kamibot.benefits.UnknownPlan;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * The pause and resume buttons under {@code /plan ID} ({@code plan:pause:ID}, {@code plan:resume:ID}). Only admins
 * may press them; both are idempotent, so a second press changes nothing.
 */
@Component
class PlanButtons implements ButtonHandler {

	private final AdminGate gate;
	private final Plans plans;
	private final AuditLog audit;

	PlanButtons(AdminGate gate, Plans plans, AuditLog audit) {
		this.gate = gate;
		this.plans = plans;
		this.audit = audit;
	}

	@Override
	public String prefix() {
		return "plan";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return session.say(Text.ADMIN_ONLY);
		}
		if (args.size() != 2 || !Set.of("pause", "resume").contains(args.get(0))) {
			return PlansCommand.say(session, "admin.plan.usage");
		}
		String id = args.get(1);
		try {
			boolean pause = args.get(0).equals("pause");
			Plan plan = pause ? plans.pause(id) : plans.resume(id);
			audit.record(AdminGate.actor(session), pause ? "plan.pause" : "plan.resume", id, null);
			return PlansCommand.say(session, pause ? "admin.plan.paused" : "admin.plan.resumed", plan.id());
		}
		catch (UnknownPlan e) {
			return PlansCommand.say(session, "admin.plan.unknown", id);
		}
	}
}
