package io.kamibot.benefitchat;

import java.util.List;
import java.util.Set;

import io.kamibot.benefits.Issue;
import io.kamibot.benefits.PlanRecipients;
import io.kamibot.benefits.PlanRecipients.Benefit;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import org.springframework.stereotype.Component;

/** {@code /benefits}: the plans this customer receives, each with its latest issues and their order numbers. */
@Component
class BenefitsCommand implements Command {

	private final PlanRecipients recipients;

	BenefitsCommand(PlanRecipients recipients) {
		this.recipients = recipients;
	}

	@Override
	public Set<String> names() {
		return Set.of("benefits");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		List<Benefit> benefits = recipients.of(session.customerId());
		if (benefits.isEmpty()) {
			return ClaimCommand.say(session, "benefit.none");
		}
		StringBuilder text = new StringBuilder();
		for (Benefit benefit : benefits) {
			text.append(session.text("benefit.plan", benefit.plan().name(), benefit.plan().status())).append('\n');
			for (Issue issue : benefit.issues()) {
				String state = session.text("benefit.state." + issue.state().name(), String.join(", ",
						issue.orderNos()));
				text.append(session.text("benefit.issue", issue.period(), state)).append('\n');
			}
		}
		return List.of(Reply.text(text.toString().strip()));
	}
}
