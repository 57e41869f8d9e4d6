package io.kamibot.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.CodesActions;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.email.EmailAddresses;
import io.kamibot.email.InvalidEmail;
import io.kamibot.templates.Text;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code /email ADDRESS} mails a confirmation link to the address; {@code /email} says where codes go;
 * {@code /email off} stops the mails; {@code /email send ORDER}, or the button under a delivered order's codes
 * ({@code mail:<ORDER>}, offered once the address is confirmed), mails that order's codes again.
 */
@Component
class EmailCommand implements Command, ButtonHandler, CodesActions {

	private final EmailAddresses addresses;
	private final ObjectProvider<Mailer> mailer;
	private final ObjectProvider<CodeMails> codeMails;

	EmailCommand(EmailAddresses addresses, ObjectProvider<Mailer> mailer, ObjectProvider<CodeMails> codeMails) {
		this.addresses = addresses;
		this.mailer = mailer;
		this.codeMails = codeMails;
	}

	@Override
	public Set<String> names() {
		return Set.of("email", "mail");
	}

	@Override
	public String prefix() {
		return "mail";
	}

	@Override
	public List<Button> under(Session session, String orderNo) {
		if (mailer.getIfAvailable() == null || addresses.confirmed(session.customerId()).isEmpty()) {
			return List.of();
		}
		return List.of(new Button(session.text(Text.EMAIL_BUTTON_SEND, orderNo), "mail:" + orderNo));
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (session.inbound().isButton()) {
			return args.size() == 1 ? resend(session, args.get(0)) : session.say(Text.EMAIL_USAGE);
		}
		Mailer mail = mailer.getIfAvailable();
		if (mail == null) {
			return session.say(Text.EMAIL_NOT_OFFERED);
		}
		if (args.isEmpty()) {
			return status(session);
		}
		String first = args.get(0).toLowerCase(Locale.ROOT);
		if (args.size() == 1 && (first.equals("off") || first.equals("stop"))) {
			addresses.forget(session.customerId());
			return session.say(Text.EMAIL_FORGOTTEN);
		}
		if (args.size() == 2 && first.equals("send")) {
			return resend(session, args.get(1));
		}
		if (args.size() != 1) {
			return session.say(Text.EMAIL_USAGE);
		}
		return request(session, mail, args.get(0));
	}

	private List<Reply> request(Session session, Mailer mail, String address) {
		Optional<EmailAddresses.Requested> requested;
		try {
			requested = addresses.request(session.customerId(), address);
		}
		catch (InvalidEmail e) {
			return session.say(Text.EMAIL_INVALID);
		}
		if (requested.isEmpty()) {
			return session.say(Text.EMAIL_TOO_SOON);
		}
		mail.confirmation(requested.get().address(), session.locale(), requested.get().token());
		return session.say(Text.EMAIL_CONFIRM_SENT, requested.get().address());
	}

	private List<Reply> status(Session session) {
		return addresses.find(session.customerId())
			.map(a -> session.say(a.confirmed() ? Text.EMAIL_STATUS_CONFIRMED : Text.EMAIL_STATUS_UNCONFIRMED,
					a.address()))
			.orElseGet(() -> session.say(Text.EMAIL_USAGE));
	}

	private List<Reply> resend(Session session, String orderNo) {
		CodeMails mails = codeMails.getIfAvailable();
		Optional<String> to = mails == null ? Optional.empty() : mails.send(session.customerId(), orderNo);
		return to.map(address -> session.say(Text.EMAIL_RESENT, orderNo, address))
			.orElseGet(() -> session.say(Text.EMAIL_NONE));
	}
}
