package io.kamibot.resellerchat;

import java.util.List;
import java.util.function.Function;

import io.kamibot.conversation.Attachment;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.resellers.InvalidLinkCode;
import io.kamibot.resellers.NotLinked;
import io.kamibot.resellers.RefReused;
import io.kamibot.resellers.Reseller;
import io.kamibot.resellers.ResellerFile;
import io.kamibot.resellers.ResellerSuspended;
import io.kamibot.resellers.Resellers;
import io.kamibot.wallet.InsufficientBalance;
import io.kamibot.wallet.InvalidReference;
import org.springframework.stereotype.Component;

/**
 * What the reseller commands share: finding the chat's reseller, answering the resellers' named failures, and
 * handing a file over the way the channel can.
 */
@Component
class ResellerChat {

	static final String TELEGRAM = "telegram";

	private final Resellers resellers;

	ResellerChat(Resellers resellers) {
		this.resellers = resellers;
	}

	/** Runs the handler for the chat's reseller; a chat that acts for none is told how to link it. */
	List<Reply> asReseller(Session session, Function<Reseller, List<Reply>> handler) {
		try {
			return handler.apply(resellers.actingFor(session.customerId()));
		}
		catch (NotLinked e) {
			return say(session, "reseller.not.linked");
		}
		catch (InvalidLinkCode e) {
			return say(session, "reseller.link.invalid");
		}
		catch (ResellerSuspended e) {
			return say(session, "reseller.suspended");
		}
		catch (InsufficientBalance e) {
			return say(session, "reseller.bulk.poor", Yuan.of(e.requestedFen()), Yuan.of(e.balance().balanceFen()),
					Yuan.of(e.balance().creditLimitFen()));
		}
		catch (RefReused e) {
			return say(session, "reseller.bulk.ref.reused", e.ref(), e.orderNo());
		}
		catch (InvalidReference e) {
			return say(session, "reseller.bulk.usage");
		}
		catch (IllegalArgumentException e) {
			if (e instanceof io.kamibot.catalog.Sku.InvalidSku) {
				throw e;
			}
			// A quantity or reference the order refuses: the usage says what is allowed.
			return say(session, "reseller.bulk.usage");
		}
	}

	/** The file itself in Telegram; elsewhere the text, which carries the link. */
	static List<Reply> file(Session session, ResellerFile file, String caption, String textWithLink) {
		if (TELEGRAM.equals(session.channel())) {
			return List.of(Reply.file(caption, new Attachment(file.name(), file.mimeType(), file.content())));
		}
		return List.of(Reply.text(textWithLink));
	}

	static List<Reply> say(Session session, String key, Object... args) {
		return List.of(Reply.text(session.text(key, args)));
	}
}
