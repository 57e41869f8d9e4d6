package io.kamibot.templates;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.stereotype.Component;

/**
 * Renders texts from the bundles {@code io/kamibot/templates/texts_*.properties}. Placeholders are {@code {0}},
 * {@code {1}} …; anything else, apostrophes included, is taken literally.
 */
@Component
public class Texts {

	static final String BUNDLE = "io.kamibot.templates.texts";

	/** The locales texts exist in; the first is the default. */
	public static final List<Locale> LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	public String render(Locale locale, Text text, Object... args) {
		return render(locale, text.key(), args);
	}

	/** Renders a key built at run time (e.g. {@code status.PAID}); falls back to the key itself when missing. */
	public String render(Locale locale, String key, Object... args) {
		String template;
		try {
			template = bundle(locale).getString(key);
		}
		catch (MissingResourceException e) {
			return key;
		}
		return fill(template, args);
	}

	public boolean has(Locale locale, String key) {
		return bundle(locale).containsKey(key);
	}

	/** The supported locale closest to a language tag such as {@code en}, {@code zh}, {@code zh-TW}. */
	public static Locale supported(String tag) {
		if (tag == null) {
			return LOCALES.get(0);
		}
		String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
		return LOCALES.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(LOCALES.get(0));
	}

	static ResourceBundle bundle(Locale locale) {
		return ResourceBundle.getBundle(BUNDLE, supported(locale.toLanguageTag()), NO_FALLBACK);
	}

	static String fill(String template, Object... args) {
		StringBuilder out = new StringBuilder(template.length() + 32);
		for (int i = 0; i < template.length(); i++) {
			char c = template.charAt(i);
			int close = c == '{' ? template.indexOf('}', i) : -1;
			if (close > i + 1 && close <= i + 3 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
				int index = Integer.parseInt(template.substring(i + 1, close));
				out.append(index < args.length ? String.valueOf(args[index]) : template.substring(i, close + 1));
				i = close;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
