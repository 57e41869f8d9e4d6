package io.kamibot.adminchat;

import java.util.List;
import java.util.Set;

import io.kamibot.conversation.Command;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.money.Money;
import io.kamibot.reporting.DailyReport;
import io.kamibot.reporting.DailyReports;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/** {@code /report}: today's figures so far (the daily report with its chart comes by itself each morning). */
@Component
class ReportCommand implements Command {

	private final AdminGate gate;
	private final DailyReports reports;
	private final Menus menus;

	ReportCommand(AdminGate gate, DailyReports reports, Menus menus) {
		this.gate = gate;
		this.reports = reports;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("report");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		DailyReport today = reports.today();
		return session.say(Text.REPORT_TEXT, today.day(), today.orders(), Money.fen(today.revenueFen()).display(),
				today.revenueStars(), String.join(", ", today.topProducts()), String.join(", ", today.stockLeft()),
				today.redeemed());
	}
}
