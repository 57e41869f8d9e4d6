package io.kamibot.adminchat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kamibot.aftersales.Problems;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /problem ORDER reason}: a buyer reports a bad code; admins get Replace and Refund buttons. */
@Component
class ProblemCommand implements Command {

	private final Problems problems;

	ProblemCommand(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Set<String> names() {
		return Set.of("problem");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (args.size() < 2) {
			return session.say(Text.PROBLEM_USAGE);
		}
		String orderNo = args.get(0).toUpperCase(Locale.ROOT);
		String reason = String.join(" ", args.subList(1, args.size()));
		boolean reported = problems.report(orderNo, session.customerId(), reason);
		return session.say(reported ? Text.PROBLEM_REPORTED : Text.PROBLEM_ALREADY, orderNo);
	}
}
