package io.kamibot.mail;

import java.util.List;
import java.util.Locale;

import io.kamibot.ordering.Order;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/** Writes and sends the shop's two mails: the confirmation link, and an order's codes (plain text and HTML). */
class Mailer {

	static final String CONFIRM_PATH = "/email/confirm";

	private final JavaMailSender sender;
	private final MailSettings settings;
	private final Texts texts;

	Mailer(JavaMailSender sender, MailSettings settings, Texts texts) {
		this.sender = sender;
		this.settings = settings;
		this.texts = texts;
	}

	void confirmation(String to, Locale locale, String token) {
		String link = settings.publicUrl() + CONFIRM_PATH + "?t=" + token;
		String body = texts.render(locale, Text.MAIL_CONFIRM_BODY, link);
		String html = paragraphs(texts.render(locale, Text.MAIL_CONFIRM_BODY, "\u0000"))
			.replace("\u0000", "<a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(link) + "</a>");
		send(to, texts.render(locale, Text.MAIL_CONFIRM_SUBJECT), body, page(locale, html));
	}

	void codes(String to, Locale locale, Order order, List<String> codes) {
		String intro = texts.render(locale, Text.MAIL_CODES_INTRO, order.orderNo(), order.title(), order.quantity());
		String outro = texts.render(locale, Text.MAIL_CODES_OUTRO);
		String plain = intro + "\n\n" + String.join("\n", codes) + "\n\n" + outro;
		StringBuilder list = new StringBuilder("<ol style=\"font-family:monospace;font-size:16px\">");
		codes.forEach(code -> list.append("<li>").append(HtmlUtils.htmlEscape(code)).append("</li>"));
		String html = paragraphs(intro) + list.append("</ol>") + paragraphs(outro);
		send(to, texts.render(locale, Text.MAIL_CODES_SUBJECT, order.orderNo()), plain, page(locale, html));
	}

	private void send(String to, String subject, String plain, String html) {
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(settings.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(plain, html);
		}
		catch (MessagingException e) {
			throw new MailPreparationException("Could not write the mail", e);
		}
		sender.send(message);
	}

	private static String paragraphs(String text) {
		StringBuilder out = new StringBuilder();
		for (String paragraph : text.split("\n\n")) {
			out.append("<p>").append(HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>")).append("</p>");
		}
		return out.toString();
	}

	private static String page(Locale locale, String body) {
		return "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\"></head>"
				+ "<body style=\"font-family:sans-serif;line-height:1.5\">" + body + "</body></html>";
	}
}
