package io.kamibot.money;

import java.util.Objects;

/**
 * An amount in the smallest unit of its currency.
 */
public record Money(long minor, Currency currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (minor < 0) {
			throw new IllegalArgumentException("Money cannot be negative: " + minor);
		}
	}

	public static Money fen(long fen) {
		return new Money(fen, Currency.CNY);
	}

	public static Money stars(long stars) {
		return new Money(stars, Currency.XTR);
	}

	public Money times(int quantity) {
		return new Money(Math.multiplyExact(minor, quantity), currency);
	}

	/** Human form: {@code ¥12.50} or {@code 50 ⭐}. */
	public String display() {
		return switch (currency) {
			case CNY -> String.format("¥%d.%02d", minor / 100, minor % 100);
			case XTR -> minor + " ⭐";
		};
	}
}
