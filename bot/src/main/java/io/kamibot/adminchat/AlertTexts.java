package io.kamibot.adminchat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertAction;
import io.kamibot.conversation.Button;
import io.kamibot.customer.Customers;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.springframework.stereotype.Component;

/**
 * Renders alerts for admin destinations, in the shop's default language: one alert with its buttons, or a digest
 * of many that fits the destination's size limit. Alerts carry no codes, so neither does anything rendered here.
 */
@Component
public class AlertTexts {

	/** The prefix of alert buttons' data: {@code adm:<VERB>:<arg>}. */
	public static final String PREFIX = "adm";

	private final Texts texts;
	private final Locale locale = Customers.DEFAULT_LOCALE;

	AlertTexts(Texts texts) {
		this.texts = texts;
	}

	public String text(Alert alert) {
		return texts.render(locale, "alert." + alert.type().name(), alert.args().toArray());
	}

	public List<List<Button>> buttons(Alert alert) {
		List<Button> row = new ArrayList<>();
		for (AlertAction action : alert.actions()) {
			row.add(new Button(texts.render(locale, "alert.button." + action.verb().name()),
					PREFIX + ":" + action.verb().name() + ":" + action.arg()));
		}
		return row.isEmpty() ? List.of() : List.of(row);
	}

	/**
	 * One message listing the alerts, at most {@code maxBytes} of UTF-8; alerts that do not fit are counted in a
	 * last line that points to the admin feed, where every one of them is.
	 */
	public String digest(List<Alert> alerts, int maxBytes) {
		StringBuilder out = new StringBuilder(texts.render(locale, Text.ALERT_DIGEST, alerts.size()));
		for (int i = 0; i < alerts.size(); i++) {
			String line = "\n• " + oneLine(text(alerts.get(i)));
			String more = "\n" + texts.render(locale, Text.ALERT_DIGEST_MORE, alerts.size() - i);
			int left = alerts.size() - i - 1;
			String reserve = left > 0 ? "\n" + texts.render(locale, Text.ALERT_DIGEST_MORE, left) : "";
			if (bytes(out) + bytes(line) + bytes(reserve) > maxBytes) {
				return out.append(more).toString();
			}
			out.append(line);
		}
		return out.toString();
	}

	/** Cuts a text to at most {@code maxBytes} of UTF-8 without splitting a character. */
	public static String fit(String text, int maxBytes) {
		if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
			return text;
		}
		StringBuilder out = new StringBuilder();
		int used = 0;
		int budget = maxBytes - 3; // "…" is three bytes
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (used + size > budget) {
				break;
			}
			out.appendCodePoint(cp);
			used += size;
			i += Character.charCount(cp);
		}
		return out.append('…').toString();
	}

	private static String oneLine(String text) {
		String line = text.replace('\n', ' ');
		return line.length() > 200 ? line.substring(0, 199) + "…" : line;
	}

	private static int bytes(CharSequence text) {
		return text.toString().getBytes(StandardCharsets.UTF_8).length;
	}
}
