package io.kamibot.alipay;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Alipay's amounts are yuan with at most two decimals ({@code "12.50"}); Kamibot's are fen. Exact both ways. */
final class Yuan {

	private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");

	private Yuan() {
	}

	static String of(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

	/** The fen of an amount Alipay sent; empty for anything that is not a plain amount in yuan. */
	static Optional<Long> toFen(String yuan) {
		if (yuan == null || !AMOUNT.matcher(yuan).matches()) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(yuan).movePointRight(2).longValueExact());
	}
}
