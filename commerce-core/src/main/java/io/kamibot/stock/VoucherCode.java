package io.kamibot.stock;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The form of the shop's own voucher codes: characters of an alphabet without look-alikes (no 0/O, no 1/I/L), in
 * groups of four for reading ({@code XXXX-XXXX-XXXX-XXXX}), the last character a check character. The alphabet has
 * 31 characters, a prime, and the check is a weighted sum modulo 31 with distinct weights 1…n: so any one mistyped
 * character and any two swapped characters give a wrong sum, and a mistyped code is told apart from an unknown one
 * without a database read.
 */
public final class VoucherCode {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
	public static final int MIN_LENGTH = 8;
	/** Weights must differ modulo 31 for swaps to be caught, so at most 31 characters. */
	public static final int MAX_LENGTH = 30;
	private static final int N = ALPHABET.length();
	private static final int GROUP = 4;

	private VoucherCode() {
	}

	/** A fresh code of {@code length} characters (the check character included), grouped for reading. */
	public static String generate(SecureRandom random, int length) {
		checkLength(length);
		char[] chars = new char[length];
		for (int i = 0; i < length - 1; i++) {
			chars[i] = ALPHABET.charAt(random.nextInt(N));
		}
		chars[length - 1] = ALPHABET.charAt(checkValue(chars, length - 1));
		return group(new String(chars));
	}

	static void checkLength(int length) {
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			throw new IllegalArgumentException("A voucher code has " + MIN_LENGTH + "-" + MAX_LENGTH + " characters");
		}
	}

	/**
	 * The code as typed, reduced to its characters: upper case, without dashes and white space. A code is stored and
	 * hashed in this form, so {@code abcd-efgh…} and {@code ABCDEFGH…} are the same code.
	 */
	public static String normalise(String typed) {
		if (typed == null) {
			return "";
		}
		StringBuilder plain = new StringBuilder(typed.length());
		for (int i = 0; i < typed.length() && plain.length() <= MAX_LENGTH; i++) {
			char c = typed.charAt(i);
			if (c != '-' && !Character.isWhitespace(c)) {
				plain.append(Character.toUpperCase(c));
			}
		}
		return plain.toString().toUpperCase(Locale.ROOT);
	}

	/** Whether the normalised code has the form of a voucher code and its check character holds. */
	public static boolean valid(String normalised) {
		int length = normalised.length();
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			return false;
		}
		long sum = 0;
		for (int i = 0; i < length; i++) {
			int value = ALPHABET.indexOf(normalised.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += (long) (length - i) * value;
		}
		return sum % N == 0;
	}

	/** The code in groups of four, as printed and delivered. */
	public static String group(String normalised) {
		StringBuilder grouped = new StringBuilder(normalised.length() + normalised.length() / GROUP);
		for (int i = 0; i < normalised.length(); i++) {
			if (i > 0 && i % GROUP == 0) {
				grouped.append('-');
			}
			grouped.append(normalised.charAt(i));
		}
		return grouped.toString();
	}

	/** The value of the check character that makes the weighted sum of the whole code 0 modulo 31. */
	private static int checkValue(char[] chars, int count) {
		int length = count + 1;
		long sum = 0;
		for (int i = 0; i < count; i++) {
			sum += (long) (length - i) * ALPHABET.indexOf(chars[i]);
		}
		// The check character has weight 1.
		return (int) ((N - sum % N) % N);
	}
}
