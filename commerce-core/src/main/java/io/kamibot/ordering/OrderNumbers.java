package io.kamibot.ordering;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Order numbers people can read aloud and type: {@code K} + the day + 8 random characters without look-alikes,
 * e.g. {@code K261122HX7Q2M9A}. Random rather than sequential, so a number reveals nothing about sales volume and
 * cannot be guessed to look at someone else's order.
 */
final class OrderNumbers {

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
	private static final Pattern FORMAT = Pattern.compile("K[0-9]{6}[2-9A-HJKMNP-Z]{8}");

	private final SecureRandom random = new SecureRandom();
	private final ZoneId zone;

	OrderNumbers(ZoneId zone) {
		this.zone = zone;
	}

	String next(Instant now) {
		StringBuilder number = new StringBuilder("K").append(DAY.format(now.atZone(zone)));
		for (int i = 0; i < 8; i++) {
			number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return number.toString();
	}

	static boolean looksValid(String orderNo) {
		return orderNo != null && FORMAT.matcher(orderNo).matches();
	}
}
