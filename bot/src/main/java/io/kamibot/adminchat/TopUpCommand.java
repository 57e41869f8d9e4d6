package io.kamibot.adminchat;

import java.util.List;
import java.util.Set;

import io.kamibot.audit.AuditLog;
import io.kamibot.conversation.Menus;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Session;
import io.kamibot.resellers.ResellerWallets;
import io.kamibot.resellers.UnknownReseller;
import io.kamibot.wallet.InsufficientBalance;
import io.kamibot.wallet.LedgerEntry;
import org.springframework.stereotype.Component;

/**
 * {@code /topup RESELLER AMOUNT_FEN REF [note]}: adds money to a reseller's wallet, or with a negative amount takes
 * it back, once per reference (the same as the admin API). Audited.
 */
@Component
class TopUpCommand implements Command {

	private final AdminGate gate;
	private final ResellerWallets wallets;
	private final AuditLog audit;
	private final Menus menus;

	TopUpCommand(AdminGate gate, ResellerWallets wallets, AuditLog audit, Menus menus) {
		this.gate = gate;
		this.wallets = wallets;
		this.audit = audit;
		this.menus = menus;
	}

	@Override
	public Set<String> names() {
		return Set.of("topup");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (!gate.allows(session)) {
			return menus.help(session, true);
		}
		if (args.size() < 3 || !args.get(1).matches("-?[1-9][0-9]{0,11}")) {
			return List.of(Reply.text(session.text("admin.topup.usage")));
		}
		String note = args.size() > 3 ? String.join(" ", args.subList(3, args.size())) : null;
		try {
			LedgerEntry entry = wallets.topUp(args.get(0), Long.parseLong(args.get(1)), args.get(2), note);
			audit.record(AdminGate.actor(session), "reseller.wallet", args.get(0),
					entry.amountFen() + " fen, ref " + entry.ref());
			return List.of(Reply.text(session.text("admin.topup.done", args.get(0), entry.amountFen(), entry.ref(),
					entry.balanceAfterFen())));
		}
		catch (UnknownReseller e) {
			return List.of(Reply.text(session.text("admin.topup.unknown", args.get(0))));
		}
		catch (InsufficientBalance e) {
			return List.of(Reply.text(session.text("admin.topup.refused", args.get(0), e.balance().balanceFen(),
					e.balance().creditLimitFen())));
		}
		catch (IllegalArgumentException e) {
			return List.of(Reply.text(session.text("admin.topup.usage")));
		}
	}
}
