package io.kamibot.benefitchat;

import java.util.List;
import java.util.Set;

import io.kamibot.benefits.InvalidClaimCode;
import io.kamibot.benefits.PlanRecipients;
import io.kamibot.benefits.PlanRecipients.Claimed;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import org.springframework.stereotype.Component;

/** {@code /claim CODE}: this chat becomes the recipient of the plan whose one-time claim code it is. */
@Component
class ClaimCommand implements Command {

	private final PlanRecipients recipients;

	ClaimCommand(PlanRecipients recipients) {
		this.recipients = recipients;
	}

	@Override
	public Set<String> names() {
		return Set.of("claim");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() != 1) {
			return say(session, "benefit.claim.usage");
		}
		try {
			Claimed claimed = recipients.claim(args.get(0), session.customerId(),
					session.customer().identity().toString());
			return say(session, "benefit.claimed", claimed.plan().name(), claimed.issues());
		}
		catch (InvalidClaimCode e) {
			return say(session, "benefit.claim.invalid");
		}
	}

	static List<Reply> say(Session session, String key, Object... args) {
		return List.of(Reply.text(session.text(key, args)));
	}
}
