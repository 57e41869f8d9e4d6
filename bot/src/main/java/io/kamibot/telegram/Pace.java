package io.kamibot.telegram;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/**
 * How many messages may go out in a window, written {@code MESSAGES/WINDOW} in settings: {@code 3/3s},
 * {@code 20/1m}, {@code 30/1s}.
 */
record Pace(int messages, Duration window) {

	Pace {
		if (messages < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("A pace needs at least one message in a window longer than zero");
		}
	}

	static Pace parse(String text) {
		int slash = text.indexOf('/');
		if (slash < 1) {
			throw new IllegalArgumentException("A pace is written MESSAGES/WINDOW, e.g. 3/3s, not: " + text);
		}
		return new Pace(Integer.parseInt(text.substring(0, slash).trim()),
				DurationStyle.detectAndParse(text.substring(slash + 1).trim()));
	}

	@Override
	public String toString() {
		return messages + "/" + window.toMillis() + "ms";
	}
}
