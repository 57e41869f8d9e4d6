package io.kamibot.resellerchat;

import java.util.List;
import java.util.Set;

import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.resellers.ResellerWallets;
import io.kamibot.wallet.Balance;
import org.springframework.stereotype.Component;

/** {@code /balance}: the reseller's balance, credit limit and what can still be spent. */
@Component
class BalanceCommand implements Command {

	private final ResellerChat chat;
	private final ResellerWallets wallets;

	BalanceCommand(ResellerChat chat, ResellerWallets wallets) {
		this.chat = chat;
		this.wallets = wallets;
	}

	@Override
	public Set<String> names() {
		return Set.of("balance");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		return chat.asReseller(session, reseller -> {
			Balance balance = wallets.balance(reseller.id());
			return ResellerChat.say(session, "reseller.balance", Yuan.of(balance.balanceFen()),
					Yuan.of(balance.creditLimitFen()), Yuan.of(balance.spendableFen()));
		});
	}
}
