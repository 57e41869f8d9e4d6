package io.kamibot.resellerchat;

/** Fen shown as yuan, e.g. {@code ¥12.50} or {@code -¥0.30}: balances may be below zero, within the credit limit. */
final class Yuan {

	private Yuan() {
	}

	static String of(long fen) {
		long abs = Math.abs(fen);
		return (fen < 0 ? "-" : "") + String.format("¥%d.%02d", abs / 100, abs % 100);
	}
}
