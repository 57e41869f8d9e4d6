package io.kamibot.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Test codes that are easy to recognise in output, and stock files made of them. */
public final class Codes {

	private Codes() {
	}

	/** {@code count} distinct codes {@code PREFIX-0000…}, one per line. */
	public static String lines(String prefix, int count) {
		return IntStream.range(0, count).mapToObj(i -> String.format("%s-%04d", prefix, i))
			.collect(Collectors.joining("\n", "", "\n"));
	}

	public static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
