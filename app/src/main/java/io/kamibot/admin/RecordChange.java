package io.kamibot.admin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.kamibot.money.Money;

/**
 * A draft of an admin's change as the audit log shows it: only the fields given, each as words an owner reads
 * ({@code credit limit ¥500.00; level 2; name “Corner shop”}), never a record's {@code toString}.
 */
final class RecordChange {

	private static final int SHOWN = 60;

	private RecordChange() {
	}

	static String describe(Record draft) {
		List<String> parts = new ArrayList<>();
		for (RecordComponent component : draft.getClass().getRecordComponents()) {
			Object value = read(component, draft);
			if (value != null) {
				parts.add(words(component.getName()) + " " + shown(component.getName(), value));
			}
		}
		return parts.isEmpty() ? "no change" : String.join("; ", parts);
	}

	private static Object read(RecordComponent component, Record draft) {
		try {
			return component.getAccessor().invoke(draft);
		}
		catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("A draft's accessor failed: " + component.getName(), e);
		}
	}

	/** {@code creditLimitFen} as {@code credit limit}, {@code fenOff} as {@code off}. */
	private static String words(String name) {
		String bare = fen(name) ? name.replaceFirst("Fen$|^fen", "") : name;
		return bare.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}

	private static boolean fen(String name) {
		return name.endsWith("Fen") || name.startsWith("fen");
	}

	private static String shown(String name, Object value) {
		if (value instanceof Long amount && fen(name)) {
			return Money.fen(amount).display();
		}
		if (value instanceof Collection<?> values) {
			return values.isEmpty() ? "none" : String.join(", ", values.stream().map(String::valueOf).toList());
		}
		if (value instanceof CharSequence text) {
			String s = text.toString();
			return "“" + (s.length() > SHOWN ? s.substring(0, SHOWN) + "…" : s) + "”";
		}
		return String.valueOf(value);
	}
}
