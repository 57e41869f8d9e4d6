package io.kamibot.adminchat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.kamibot.benefits.PeriodCounts;
import io.kamibot.benefits.Plan;
import io.kamibot.benefits.PlanStatus;
import io.kamibot.benefits.PlanView;
import io.kamibot.benefits.Plans;
import io.kamibot.benefits.UnknownPlan;
import io.kamibot.conversation.Button;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import org.springframework.stereotype.Component;

/**
 * {@code /plans} lists the benefit plans; {@code /plan ID} shows one with each period's counts and a pause or resume
 * button ({@link PlanButtons}).
 */
@Component
class PlansCommand implements Command {

	private final AdminGate gate;
	private final Plans plans;
	private final Menus menus;

	PlansCommand(AdminGate gate, Plans plans, Menus menus) {
		this.gate = gate;
		this.plans = plans;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("plans", "plan");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		if (session.inbound().text().strip().toLowerCase(Locale.ROOT).startsWith("/plans")) {
			return list(session);
		}
		return args.size() == 1 ? show(session, args.get(0)) : say(session, "admin.plan.usage");
	}

	private List<Reply> list(Session session) {
		List<Plan> all = plans.list();
		if (all.isEmpty()) {
			return say(session, "admin.plans.none");
		}
		return List.of(Reply.text(all.stream().map(p -> session.text("admin.plans.line", p.id(), p.name(),
				p.status(), p.handled(), p.cron())).collect(Collectors.joining("\n"))));
	}

	private List<Reply> show(Session session, String id) {
		PlanView view;
		try {
			view = plans.view(id);
		}
		catch (UnknownPlan e) {
			return say(session, "admin.plan.unknown", id);
		}
		Plan plan = view.plan();
		StringBuilder text = new StringBuilder(session.text("admin.plan.head", plan.id(), plan.name(), plan.status(),
				plan.items().stream().map(i -> i.sku() + " × " + i.quantity()).collect(Collectors.joining(", ")),
				plan.cron(), plan.catchUp(), view.recipients(), view.unclaimed()));
		for (PeriodCounts period : view.periods()) {
			text.append('\n').append(session.text("admin.plan.period", period.period(), period.state(),
					period.issued(), period.waiting(), period.claimed()));
		}
		if (plan.status() == PlanStatus.FINISHED) {
			return List.of(Reply.text(text.toString()));
		}
		boolean paused = plan.status() == PlanStatus.PAUSED;
		Button button = new Button(session.text(paused ? "admin.plan.button.resume" : "admin.plan.button.pause"),
				"plan:" + (paused ? "resume" : "pause") + ":" + plan.id());
		return List.of(Reply.withButtons(text.toString(), List.of(List.of(button))));
	}

	static List<Reply> say(Session session, String key, Object... args) {
		return List.of(Reply.text(session.text(key, args)));
	}
}
