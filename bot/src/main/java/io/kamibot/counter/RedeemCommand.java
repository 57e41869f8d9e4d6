package io.kamibot.counter;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.redemption.Redeemer;
import io.kamibot.redemption.Redeemers;
import io.kamibot.redemption.Redemptions;
import io.kamibot.redemption.TooManyMisses;
import io.kamibot.stock.Redemption;
import io.kamibot.templates.Text;
import org.springframework.stereotype.Component;

/**
 * {@code /redeem CODE} in a redeemer's staff chat: redeems the code for that redeemer and says what happened, as the
 * redemption API would (the code may be typed with spaces or without dashes).
 */
@Component
class RedeemCommand implements Command {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Redeemers redeemers;
	private final Redemptions redemptions;
	private final ZoneId zone;

	RedeemCommand(Redeemers redeemers, Redemptions redemptions, Clock clock) {
		this.redeemers = redeemers;
		this.redemptions = redemptions;
		// The shop's clock runs in the shop's time zone.
		this.zone = clock.getZone();
	}

	@Override
	public Set<String> names() {
		return Set.of("redeem");
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		Optional<Redeemer> redeemer = redeemers.byStaffChat(StaffChats.of(session));
		if (redeemer.isEmpty()) {
			return session.say(Text.REDEEM_NOT_STAFF);
		}
		if (args.isEmpty()) {
			return session.say(Text.REDEEM_USAGE);
		}
		Redemption redemption;
		try {
			redemption = redemptions.redeem(redeemer.get(), String.join("", args),
					session.channel() + " by " + session.customer().identity());
		}
		catch (TooManyMisses e) {
			return session.say(Text.REDEEM_TOO_MANY_MISSES, e.retryAfterSeconds());
		}
		return switch (redemption.outcome()) {
			case REDEEMED, REDEEMABLE -> session.say(Text.valueOf("REDEEM_" + redemption.outcome().name()),
					redemption.sku(), redemption.orderNo(), when(redemption.redeemedAt()));
			case ALREADY_REDEEMED -> session.say(Text.REDEEM_ALREADY_REDEEMED, when(redemption.redeemedAt()),
					redemption.redeemer());
			default -> session.say(Text.valueOf("REDEEM_" + redemption.outcome().name()));
		};
	}

	private String when(Instant at) {
		return at == null ? "" : WHEN.format(at.atZone(zone));
	}
}
