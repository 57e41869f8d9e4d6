package io.kamibot.templates;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

	private final Texts texts = new Texts();

	@Test
	void everyLocaleHasEveryKey() {
		Set<String> reference = keys(Texts.LOCALES.get(0));
		for (Locale locale : Texts.LOCALES) {
			assertThat(keys(locale)).as("keys of %s", locale).isEqualTo(reference);
		}
		for (Text text : Text.values()) {
			assertThat(reference).as("key of %s", text).contains(text.key());
		}
	}

	@Test
	void placeholdersMatchAcrossLocales() {
		for (String key : keys(Locale.ENGLISH)) {
			assertThat(placeholders(Texts.bundle(Locale.SIMPLIFIED_CHINESE).getString(key)))
				.as("placeholders of %s", key)
				.isEqualTo(placeholders(Texts.bundle(Locale.ENGLISH).getString(key)));
		}
	}

	@Test
	void rendersArgumentsAndKeepsApostrophesAndBraces() {
		assertThat(Texts.fill("Order {0} isn't {1} {x} {", "K1", "paid")).isEqualTo("Order K1 isn't paid {x} {");
	}

	@Test
	void defaultsToSimplifiedChineseAndUnderstandsLanguageTags() {
		assertThat(Texts.supported(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(Texts.supported("en-US")).isEqualTo(Locale.ENGLISH);
		assertThat(Texts.supported("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(Texts.supported("fr")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(texts.render(Locale.SIMPLIFIED_CHINESE, Text.ORDER_NOT_FOUND, "K1")).isEqualTo("找不到订单 K1。");
		assertThat(texts.render(Locale.ENGLISH, Text.ORDER_NOT_FOUND, "K1")).isEqualTo("Order K1 was not found.");
	}

	private static Set<String> keys(Locale locale) {
		return new TreeSet<>(Texts.bundle(locale).keySet());
	}

	private static Set<String> placeholders(String template) {
		Set<String> found = new TreeSet<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d}").matcher(template);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}
}
