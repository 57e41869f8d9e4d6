package io.kamibot.resellerchat;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.resellers.ResellerFile;
import io.kamibot.resellers.ResellerFiles;
import io.kamibot.resellers.ResellerWallets;
import org.springframework.stereotype.Component;

/** {@code /statement [YYYY-MM]}: the month's ledger entries as a CSV file (this month unless named). */
@Component
class StatementCommand implements Command {

	private final ResellerChat chat;
	private final ResellerFiles files;
	private final ResellerWallets wallets;
	private final Clock clock;

	StatementCommand(ResellerChat chat, ResellerFiles files, ResellerWallets wallets, Clock clock) {
		this.chat = chat;
		this.files = files;
		this.wallets = wallets;
		this.clock = clock;
	}

	@Override
	public Set<String> names() {
		return Set.of("statement");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		YearMonth month;
		try {
			month = args.isEmpty() ? YearMonth.now(clock) : YearMonth.parse(args.get(0));
		}
		catch (DateTimeParseException e) {
			return ResellerChat.say(session, "reseller.statement.usage");
		}
		if (args.size() > 1) {
			return ResellerChat.say(session, "reseller.statement.usage");
		}
		return chat.asReseller(session, reseller -> {
			ResellerFile file = files.statement(reseller.id(), month);
			int entries = wallets.statement(reseller.id(), month).size();
			return ResellerChat.file(session, file, session.text("reseller.statement", month, entries),
					session.text("reseller.statement.link", month, entries,
							files.statementLink(month, session.customerId())));
		});
	}
}
