package io.kamibot.mail;

import java.util.Locale;
import java.util.Optional;

import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.email.EmailAddress;
import io.kamibot.email.EmailAddresses;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a confirmation link opens: it confirms the address and says so in the buyer's language, or says the link
 * does not work (used, expired, cut short). A plain page without scripts, fine in any mail app's browser.
 */
@RestController
@Conditional(OnMail.class)
class EmailConfirmation {

	private final EmailAddresses addresses;
	private final Customers customers;
	private final Texts texts;

	EmailConfirmation(EmailAddresses addresses, Customers customers, Texts texts) {
		this.addresses = addresses;
		this.customers = customers;
		this.texts = texts;
	}

	@GetMapping(path = Mailer.CONFIRM_PATH, produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirm(@RequestParam(name = "t", required = false) String token) {
		Optional<EmailAddress> confirmed = addresses.confirm(token);
		Locale locale = confirmed.flatMap(a -> customers.find(a.customerId()))
			.map(Customer::language)
			.orElse(Customers.DEFAULT_LOCALE);
		String message = confirmed
			.map(a -> texts.render(locale, Text.MAIL_PAGE_CONFIRMED, a.address()))
			.orElseGet(() -> texts.render(locale, Text.MAIL_PAGE_FAILED));
		String page = "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Kamibot</title></head>"
				+ "<body style=\"font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em\"><p>"
				+ HtmlUtils.htmlEscape(message) + "</p></body></html>";
		return ResponseEntity.status(confirmed.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
			.cacheControl(CacheControl.noStore())
			.body(page);
	}
}
